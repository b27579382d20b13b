import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { later as nl } from '../nl/later.ts';

/** The texts shown only after the Where step (see `../nl/later.ts`). */
export const later: TextTree<typeof nl, PluralCategories['tr']> = {
  nav: {
    send: 'Bildirimi gönder',
    sending: 'Bildiriminiz gönderiliyor…',
    change: 'Değiştir',
    changeSection: 'Değiştir: {{section}}',
  },
  errors: {
    emailInvalid: 'Bu e-posta adresi geçerli değil.',
    phoneInvalid: 'Bu telefon numarası geçerli değil.',
    contactNeeded: 'Size ulaşabilmemiz için bir e-posta adresi veya telefon numarası girin.',
    tooLong: 'Bu metin çok uzun.',
    invalid: 'Bu cevap geçerli değil.',
    network:
      'Bildiriminiz henüz gönderilmedi: internet bağlantısı yok. Bu sayfa açık kaldığı sürece cevaplarınız kaybolmaz.',
    offline: 'Bağlantınız geri gelir gelmez bildiriminizi otomatik olarak göndereceğiz.',
    server:
      'Bildiriminiz henüz gönderilmedi: bizim tarafımızda bir sorun oluştu. Cevaplarınız kaybolmadı. Lütfen tekrar deneyin.',
    rateLimit_one: 'Kısa sürede çok sayıda bildirim gönderildi. Lütfen {{count}} dakika sonra tekrar deneyin.',
    rateLimit_other: 'Kısa sürede çok sayıda bildirim gönderildi. Lütfen {{count}} dakika sonra tekrar deneyin.',
    tryAgain: 'Tekrar deneyin',
  },
  steps: {
    details: {
      hint: 'Bu adımdaki hiçbir soru zorunlu değil.',
      description: 'Ne oldu?',
      descriptionHint: 'İstediğiniz kadar anlatın. Lütfen başka kişilerin adlarını veya iletişim bilgilerini yazmayın.',
      remaining_one: '{{count}} karakter kaldı',
      remaining_other: '{{count}} karakter kaldı',
      intervened: 'Biri araya girdi ya da yardım etti mi?',
      yes: 'Evet',
      no: 'Hayır',
      unknown: 'Bilmiyorum',
      optional: 'zorunlu değil',
      why: 'Bunu neden soruyoruz?',
      choose: 'Seçin…',
    },
    contact: {
      intro: 'Bu zorunlu değil. Bilgilerinizi vermezseniz anonim bildirirsiniz.',
      whoSees:
        'Bilgilerinizi yalnızca {{name}} çalışanlarından bildirimlerle ilgilenenler görür. Bu bilgileri yalnızca bu bildirim hakkında sizinle iletişime geçmek için kullanırlar. Bilgilerinizi şifreli olarak saklarız ve {{duration}} sonra sileriz.',
      legend: 'İletişim',
      anonymous: 'Hayır, anonim bildiriyorum',
      wantsFollowUp: 'Evet, benimle iletişime geçin',
      name: 'Ad',
      email: 'E-posta adresi',
      phone: 'Telefon numarası',
      needOne: 'Bir e-posta adresi veya telefon numarası girin (ya da ikisini birden).',
    },
    review: {
      intro: 'Her şey doğru mu? O zaman bildiriminizi gönderebilirsiniz.',
      who: 'Kim',
      what: 'Ne',
      when: 'Ne zaman',
      where: 'Nerede',
      details: 'Açıklama',
      intervened: 'Araya giren veya yardım eden',
      contact: 'İletişim',
      anonymous: 'Anonim',
      empty: 'Doldurulmadı',
      privacy: 'Bilgilerinizi nasıl kullanıyoruz',
      retention: 'Bildiriminizi {{duration}} saklarız. IP adresinizi kaydetmeyiz.',
    },
    done: {
      reference: 'Bildirim numaranız',
      receipt: 'Kişisel kodunuz',
      receiptHint:
        'Bu kodu iyi saklayın. Bu kodla bildiriminizi takip edebilir, belediyenin mesajlarını okuyabilir ve cevap verebilirsiniz; anonim bildirim yapsanız bile. Kodu yalnızca bir kez gösteriyoruz: daha sonra tekrar gösteremeyiz.',
      referenceHint: 'Bu bildirim hakkında daha sonra bizimle iletişime geçmek isterseniz bu numarayı not edin.',
      next: 'Şimdi ne olacak?',
      nextActive: '{{name}} çalışanları bildiriminizi okur. İletişim istediyseniz sizinle iletişime geçerler.',
      noFollowUp:
        'Lütfen dikkat: {{name}}, bildirimler hakkında sizinle iletişime geçmez. Yardım almak ya da suç duyurusunda bulunmak mı istiyorsunuz? O zaman lütfen Yardım ve bilgi bölümündeki kuruluşlarla ya da polisle (0900-8844) kendiniz iletişime geçin.',
      another: 'Başka bir şey bildirin',
    },
  },
  roles: {
    victim: 'Benim başıma geldi',
    bystander: 'Olanı gördüm',
    other: 'Diğer',
  },
};
