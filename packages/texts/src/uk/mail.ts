import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { mail as nl } from '../nl/mail.ts';

/**
 * Ukrainian texts of the e-mail a municipality receives for a report. The reporter is "людина, яка
 * повідомляє", so no form needs a gender. Numbers: "до 1 метра", "до 2 метрів", "до 1,5 метра".
 */
export const mail: TextTree<typeof nl, PluralCategories['uk']> = {
  subject: 'Нове повідомлення {{reference}} – {{tenant}}',
  heading: 'Нове повідомлення про вуличні домагання',
  intro: 'Через пункт повідомлень {{tenant}} надійшло повідомлення.',
  labels: {
    reference: 'Номер повідомлення',
    received: 'Отримано',
    categories: 'Що сталося',
    role: 'Хто повідомляє',
    when: 'Коли',
    where: 'Де',
    coordinates: 'Координати',
    place: 'Місце, описане словами',
    map: 'Мапа',
    description: 'Опис',
    intervened: 'Хтось втрутився або допоміг',
    extra: 'Додаткові запитання',
    contact: 'Контактні дані',
    name: 'Імʼя',
    email: 'Електронна пошта',
    phone: 'Номер телефону',
    wantsFollowUp: 'Просить звʼязатися',
    language: 'Мова повідомлення',
    reportedVia: 'Повідомлено через',
  },
  openMap: 'Переглянути на мапі',
  notGiven: 'Не вказано',
  anonymous: 'Контактних даних немає: людина повідомляє анонімно.',
  answers: { yes: 'Так', no: 'Ні', unknown: 'Людина, яка повідомляє, не знає' },
  roles: { victim: 'Це сталося з людиною, яка повідомляє', bystander: 'Свідок події', other: 'Інше' },
  partsOfDay: {
    night: 'ніч (з 0 до 6 год)',
    morning: 'ранок (з 6 до 12 год)',
    afternoon: 'день (з 12 до 18 год)',
    evening: 'вечір (з 18 до 24 год)',
  },
  approximately: 'приблизно {{date}} (людина, яка повідомляє, не знає точної дати)',
  sources: {
    map: 'вибрано на мапі',
    search: 'знайдено через пошук адреси',
    device: 'місцезнаходження пристрою',
    text: 'описано словами',
  },
  accuracy_one: 'з точністю приблизно до {{count}} метра',
  accuracy_few: 'з точністю приблизно до {{count}} метрів',
  accuracy_many: 'з точністю приблизно до {{count}} метрів',
  accuracy_other: 'з точністю приблизно до {{count}} метра',
  footer:
    'Цей лист надіслано автоматично системою Meldpunt. Людина, яка повідомляє, не побачить відповіді на цей лист. Поводьтеся з цими даними конфіденційно.',
};
