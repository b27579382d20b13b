import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { mail as nl } from '../nl/mail.ts';

/**
 * Arabic texts of the e-mail a municipality receives for a report (right to left). Latin digits, like
 * the widget. After a number the noun follows the number's plural category, as CLDR writes it with
 * digits: "3 أمتار", "11 مترًا", "100 متر".
 */
export const mail: TextTree<typeof nl, PluralCategories['ar']> = {
  subject: 'بلاغ جديد {{reference}} – {{tenant}}',
  heading: 'بلاغ جديد عن التحرش في الشارع',
  intro: 'وصل بلاغ عبر نقطة الإبلاغ لدى {{tenant}}.',
  labels: {
    reference: 'رقم البلاغ',
    received: 'وقت الاستلام',
    categories: 'ماذا حدث',
    role: 'مَن يبلّغ',
    when: 'متى',
    where: 'أين',
    coordinates: 'الإحداثيات',
    place: 'وصف المكان بالكلمات',
    map: 'الخريطة',
    description: 'التفاصيل',
    intervened: 'تدخّل أحد أو ساعد',
    extra: 'أسئلة إضافية',
    contact: 'بيانات التواصل',
    name: 'الاسم',
    email: 'البريد الإلكتروني',
    phone: 'رقم الهاتف',
    wantsFollowUp: 'يريد المبلّغ أن يتواصل معه أحد',
    language: 'لغة البلاغ',
    reportedVia: 'أُرسل البلاغ عبر',
  },
  openMap: 'عرض على الخريطة',
  notGiven: 'لم يُذكر',
  anonymous: 'لا توجد بيانات تواصل: البلاغ مجهول الهوية.',
  answers: { yes: 'نعم', no: 'لا', unknown: 'المبلّغ لا يعرف' },
  roles: { victim: 'حدث ذلك للمبلّغ نفسه', bystander: 'شاهد: رأى ما حدث', other: 'غير ذلك' },
  partsOfDay: {
    night: 'الليل (من الساعة 0 إلى 6)',
    morning: 'الصباح (من الساعة 6 إلى 12)',
    afternoon: 'بعد الظهر (من الساعة 12 إلى 18)',
    evening: 'المساء (من الساعة 18 إلى 24)',
  },
  approximately: 'نحو {{date}} (المبلّغ لا يعرف التاريخ بالضبط)',
  sources: {
    map: 'اختير على الخريطة',
    search: 'وُجد بالبحث عن عنوان',
    device: 'موقع الجهاز',
    text: 'موصوف بالكلمات',
  },
  accuracy_zero: 'بدقة نحو {{count}} متر',
  accuracy_one: 'بدقة نحو {{count}} متر',
  accuracy_two: 'بدقة نحو {{count}} متر',
  accuracy_few: 'بدقة نحو {{count}} أمتار',
  accuracy_many: 'بدقة نحو {{count}} مترًا',
  accuracy_other: 'بدقة نحو {{count}} متر',
  footer: 'أُرسلت هذه الرسالة تلقائيًا من Meldpunt. لا يرى المبلّغ أي رد على هذه الرسالة. يُرجى التعامل مع البيانات بسرية.',
  reporterNotice: {
    subject: 'رسالة جديدة بشأن بلاغك',
    heading: 'توجد رسالة جديدة بشأن بلاغك',
    body: 'أرسلت إليك {{tenant}} رسالة بشأن بلاغك. الرسالة ليست في هذا البريد الإلكتروني: يمكنك قراءتها باستخدام رمز الإيصال الخاص بك.',
    action: 'افتح هذه الصفحة وأدخل رمز الإيصال لقراءة الرسالة:',
    codeNever: 'لا نرسل رمز الإيصال الخاص بك بالبريد الإلكتروني أبدًا، ولا نطلبه منك بالبريد الإلكتروني أبدًا.',
    emergency: 'هل أنت في خطر الآن؟ اتصل بالرقم 112.',
    footer: 'أُرسلت هذه الرسالة تلقائيًا. الردود على هذه الرسالة لا تُقرأ.',
  },
  replyNotice: {
    subject: 'ردّ المبلّغ على البلاغ {{reference}} – {{tenant}}',
    heading: 'ردّ المبلّغ',
    body: 'ردّ المبلّغ على البلاغ {{reference}} باستخدام رمز الإيصال.',
    action: 'اقرأ الرد في نظام إدارة البلاغات:',
    privacy: 'الرد نفسه ليس في هذه الرسالة.',
    footer: 'أُرسلت هذه الرسالة تلقائيًا من Meldpunt.',
  },
};
