import type { Locale } from '@meldpunt/contracts';

/**
 * The answer to a report whose place lies in a municipality without a reporting point here: it is kept
 * (by the national tenant) but not forwarded, so the reporter must know to contact that municipality.
 * Plain language; `{municipality}` is the municipality's name.
 */
const nonParticipating: Record<Locale, { title: string; body: string }> = {
  nl: {
    title: 'Dank je wel voor je melding',
    body:
      'Goed dat je dit meldt. Wat er is gebeurd, is niet oké, en het is nooit jouw schuld. ' +
      'De plek die je koos ligt in de gemeente {municipality}. Die gemeente is niet aangesloten bij dit meldpunt. ' +
      'We bewaren je melding, maar we kunnen hem niet naar die gemeente sturen en nemen er geen contact over op. ' +
      'Wil je dat er iets mee gebeurt, of wil je hulp? Neem dan direct contact op met de gemeente {municipality}. ' +
      'In een noodsituatie bel je 112.',
  },
  en: {
    title: 'Thank you for your report',
    body:
      'It is good that you reported this. What happened is not okay, and it is never your fault. ' +
      'The place you chose is in the municipality of {municipality}. That municipality is not connected to this reporting point. ' +
      'We keep your report, but we cannot pass it on to that municipality, and we will not contact you about it. ' +
      'If you want something to be done, or you would like help, please contact the municipality of {municipality} directly. ' +
      'In an emergency, call 112.',
  },
  ar: {
    title: 'شكرًا لك على بلاغك',
    body:
      'من الجيد أنك أبلغت عن هذا. ما حدث غير مقبول، وليس ذنبك أبدًا. ' +
      'المكان الذي اخترته يقع في بلدية {municipality}. هذه البلدية غير مشتركة في نقطة الإبلاغ هذه. ' +
      'نحتفظ ببلاغك، لكن لا يمكننا إرساله إلى تلك البلدية، ولن نتواصل معك بشأنه. ' +
      'إذا أردت أن يُتخذ إجراء أو احتجت إلى مساعدة، فتواصل مباشرة مع بلدية {municipality}. ' +
      'في حالة الطوارئ، اتصل بالرقم 112.',
  },
  tr: {
    title: 'Bildiriminiz için teşekkür ederiz',
    body:
      'Bunu bildirmeniz çok iyi. Yaşananlar kabul edilemez ve asla sizin suçunuz değil. ' +
      'Seçtiğiniz yer {municipality} belediyesinin sınırları içinde. Bu belediye bu bildirim noktasına bağlı değil. ' +
      'Bildiriminizi saklıyoruz, ancak bu belediyeye iletemiyoruz ve bu konuda sizinle iletişime geçmeyeceğiz. ' +
      'Bir şey yapılmasını istiyorsanız veya yardıma ihtiyacınız varsa, lütfen doğrudan {municipality} belediyesiyle iletişime geçin. ' +
      'Acil bir durumda 112’yi arayın.',
  },
  pl: {
    title: 'Dziękujemy za zgłoszenie',
    body:
      'Dobrze, że to zgłaszasz. To, co się stało, jest niedopuszczalne i nigdy nie jest Twoją winą. ' +
      'Wybrane miejsce leży w gminie {municipality}. Ta gmina nie jest podłączona do tego punktu zgłoszeń. ' +
      'Przechowujemy Twoje zgłoszenie, ale nie możemy przekazać go tej gminie i nie będziemy się z Tobą w tej sprawie kontaktować. ' +
      'Jeśli chcesz, żeby coś zostało zrobione, albo potrzebujesz pomocy, skontaktuj się bezpośrednio z gminą {municipality}. ' +
      'W nagłym wypadku dzwoń pod numer 112.',
  },
  uk: {
    title: 'Дякуємо за ваше повідомлення',
    body:
      'Добре, що ви про це повідомили. Те, що сталося, неприпустимо, і це ніколи не ваша провина. ' +
      'Місце, яке ви вибрали, знаходиться в муніципалітеті {municipality}. Цей муніципалітет не підключений до цього пункту повідомлень. ' +
      'Ми зберігаємо ваше повідомлення, але не можемо передати його цьому муніципалітету і не будемо з вами зв’язуватися щодо нього. ' +
      'Якщо ви хочете, щоб щось було зроблено, або вам потрібна допомога, зверніться безпосередньо до муніципалітету {municipality}. ' +
      'У надзвичайній ситуації телефонуйте 112.',
  },
};

/** The response to a report kept for a municipality that does not take part, in the report's language. */
export function nonParticipatingResponse(locale: Locale, municipality: string): { title: string; body: string } {
  const text = nonParticipating[locale];
  return { title: text.title, body: text.body.replaceAll('{municipality}', municipality) };
}

/** Every locale has this answer: checked by the routing tests. */
export const nonParticipatingLocales = Object.keys(nonParticipating) as Locale[];
