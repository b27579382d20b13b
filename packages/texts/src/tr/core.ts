import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { core as nl } from '../nl/core.ts';

/** Turkish. Plain language, formal "siz", never victim-blaming. */
export const core: TextTree<typeof nl, PluralCategories['tr']> = {
  intro: {
    title: 'Sokak tacizini bildirin',
    body: 'Sokakta, eğlence mekânlarında veya toplu taşımada başınıza bir şey geldi mi ya da buna tanık oldunuz mu? Bu kabul edilemez. Bildiriminiz sayesinde belediye bunun nerede ve ne zaman olduğunu görür.',
  },
  app: {
    loading: 'Form yükleniyor…',
    loadError: 'Form şu anda yüklenemiyor. Lütfen daha sonra tekrar deneyin. Şu anda tehlike var mı? 112’yi arayın.',
    retry: 'Tekrar deneyin',
    anonymous: 'Bilgilerinizi kendiniz yazmazsanız bildiriminiz anonimdir.',
  },
  emergency: {
    text: 'Şu anda tehlike var mı? 112’yi arayın.',
    call: '112’yi arayın',
  },
  quickExit: {
    button: 'Hızlı çıkış',
    label: 'Hızlı çıkış: bu sayfadan hemen çıkın',
    hint: 'İpucu: Bu sayfadan hızlıca çıkmak için Escape tuşuna iki kez basın.',
  },
  language: {
    label: 'Dil',
  },
  help: {
    toggle: 'Yardım ve bilgi',
    title: 'Yardım ve bilgi',
    intro:
      'Başınıza gelenler sizin suçunuz değil. Konuşmak çoğu zaman iyi gelir. Bu kuruluşlar sizi dinler ve ücretsiz yardım eder.',
    notPolice: 'Bu bildirim, polise yapılan bir suç duyurusu değildir.',
    police:
      'Suç duyurusunda bulunmak mı istiyorsunuz? Bunu polise yapabilirsiniz: politie.nl üzerinden veya 0900-8844 numarasından.',
    punishable: 'Cinsel içerikli sokak tacizi suçtur ve cezası vardır.',
    call: '{{phone}} numarasını arayın',
    website: '{{name}} web sitesi',
    referrals: {
      slachtofferhulp: {
        name: 'Slachtofferhulp Nederland (Hollanda Mağdurlara Destek Kuruluşu)',
        description: 'Olanlar hakkında konuşmak, yardım ve tavsiye almak için.',
      },
      csg: {
        name: 'Centrum Seksueel Geweld (Cinsel Şiddet Merkezi)',
        description: 'Kısa süre önce yaşanan cinsel şiddet için: gece gündüz ulaşılabilir.',
      },
      veiligThuis: {
        name: 'Veilig Thuis (aile içi şiddet danışma merkezi)',
        description: 'Aile içi şiddet ve çocuk istismarı konusunda tavsiye ve yardım.',
      },
      mma: {
        name: 'Meld Misdaad Anoniem (suçları anonim bildirme hattı)',
        description: 'Bir suç hakkında kimliğinizi vermeden bilgi vermek için.',
      },
    },
  },
  followUp: {
    open: 'Bildirimimi takip et',
  },
  progress: 'Adım {{current}} / {{total}}',
  nav: {
    back: 'Geri',
    next: 'İleri',
  },
  errors: {
    summaryTitle: 'Lütfen şunları kontrol edin:',
    roleRequired: 'Size en uygun olanı seçin.',
    categoriesRequired: 'En az bir tür seçin.',
    dateRequired: 'Bir tarih girin.',
    dateInvalid: 'Bu tarih geçerli değil.',
    dateFuture: 'Bu tarih henüz gelmedi.',
    timeRequired: 'Bir saat girin ya da yukarıda başka bir cevap seçin.',
    partOfDayRequired: 'Günün bir bölümünü seçin.',
    locationRequired: 'Bir yer seçin ya da yeri kelimelerle anlatın.',
  },
  steps: {
    who: {
      title: 'Kim bildiriyor?',
      legend: 'Hangisi size en uygun?',
      victim: 'Benim başıma geldi',
      bystander: 'Olanı gördüm',
      other: 'Diğer',
      otherHint: 'Örneğin: tanıdığım birinin başına geldi.',
    },
    what: {
      title: 'Ne oldu?',
      legend: 'Uygun olanları seçin. Birden fazla seçebilirsiniz.',
    },
    when: {
      title: 'Ne zaman oldu?',
      hint: 'Üzerinden uzun zaman geçmiş olsa bile bildiriminizi bekliyoruz.',
      legend: 'Ne kadar iyi hatırlıyorsunuz?',
      exact: 'Tarihi ve saati biliyorum',
      partOfDay: 'Tarihi ve günün hangi bölümü olduğunu biliyorum',
      approximate: 'Tam olarak hatırlamıyorum',
      date: 'Tarih',
      approximateDate: 'Yaklaşık hangi tarih?',
      approximateHint: 'Tahmini bir tarih de olur.',
      time: 'Saat',
      partOfDayLabel: 'Günün bölümü',
      choose: 'Seçin…',
      parts: {
        night: 'Gece (saat 00.00–06.00)',
        morning: 'Sabah (saat 06.00–12.00)',
        afternoon: 'Öğleden sonra (saat 12.00–18.00)',
        evening: 'Akşam (saat 18.00–24.00)',
      },
    },
    where: {
      title: 'Nerede oldu?',
      hint: 'Bir adres arayın, konumunuzu kullanın, haritada seçin ya da yeri anlatın. Bir yol yeterlidir.',
    },
    details: {
      title: 'Anlatmak istediğiniz başka bir şey var mı?',
    },
    contact: {
      title: 'Sizinle iletişime geçmemizi ister misiniz?',
    },
    review: {
      title: 'Bildiriminizi kontrol edin',
    },
  },
  categories: {
    verbal: {
      label: 'Laf atma veya arkadan seslenme',
      description: 'Örneğin cinsel içerikli sözler, hakaret etme veya tıslama.',
    },
    sounds: { label: 'Sesler veya ıslık çalma', description: 'Örneğin ıslık, öpücük sesleri veya korna çalma.' },
    gestures: { label: 'El ve vücut hareketleri', description: 'Örneğin cinsel veya tehdit edici hareketler.' },
    following: { label: 'Takip etme', description: 'Biri yürüyerek, bisikletle veya araçla peşinizden geldi.' },
    touching: { label: 'İstenmeyen dokunma', description: 'Örneğin elleme, tutup çekme veya size yaslanma.' },
    exposure: { label: 'Cinsel bölgeyi veya cinsel organı gösterme', description: 'Biri kendini çıplak gösterdi.' },
    filming: { label: 'Video veya fotoğraf çekme', description: 'Siz istemediğiniz hâlde.' },
    threat: { label: 'Tehdit veya şiddet', description: 'Örneğin tehdit etme, itme veya vurma.' },
    discrimination: {
      label: 'Ayrımcılık',
      description: 'Örneğin ten rengi, köken, din, cinsiyet, cinsel yönelim veya engellilik nedeniyle.',
    },
    other: { label: 'Başka bir şey', description: 'Yukarıdaki listede olmayan bir şey.' },
  },
};
