import type { PluralCategories, TextTree } from '../text-tree.ts';
import type { mail as nl } from '../nl/mail.ts';

/** Turkish texts of the e-mail a municipality receives for a report (formal). A noun after a number stays singular. */
export const mail: TextTree<typeof nl, PluralCategories['tr']> = {
  subject: 'Yeni bildirim {{reference}} – {{tenant}}',
  heading: 'Yeni sokak tacizi bildirimi',
  intro: '{{tenant}} bildirim noktası üzerinden bir bildirim geldi.',
  labels: {
    reference: 'Bildirim numarası',
    received: 'Alındığı zaman',
    categories: 'Ne oldu',
    role: 'Bildiren',
    when: 'Ne zaman',
    where: 'Nerede',
    coordinates: 'Koordinatlar',
    place: 'Yerin tarifi',
    map: 'Harita',
    description: 'Açıklama',
    intervened: 'Biri müdahale etti veya yardım etti',
    extra: 'Ek sorular',
    contact: 'İletişim bilgileri',
    name: 'Ad',
    email: 'E-posta adresi',
    phone: 'Telefon numarası',
    wantsFollowUp: 'Kendisiyle iletişime geçilmesini istiyor',
    language: 'Bildirimin dili',
    reportedVia: 'Bildirimin geldiği yer',
  },
  openMap: 'Haritada göster',
  notGiven: 'Doldurulmadı',
  anonymous: 'İletişim bilgisi yok: bildiren kişi anonim.',
  answers: { yes: 'Evet', no: 'Hayır', unknown: 'Bildiren kişi bilmiyor' },
  roles: { victim: 'Bildiren kişinin kendi başına geldi', bystander: 'Tanık: olanı gördü', other: 'Diğer' },
  partsOfDay: {
    night: 'gece (saat 0 ile 6 arası)',
    morning: 'sabah (saat 6 ile 12 arası)',
    afternoon: 'öğleden sonra (saat 12 ile 18 arası)',
    evening: 'akşam (saat 18 ile 24 arası)',
  },
  approximately: 'yaklaşık {{date}} (bildiren kişi tam tarihi bilmiyor)',
  sources: {
    map: 'haritada seçildi',
    search: 'adres aramasıyla bulundu',
    device: 'cihazın konumu',
    text: 'kelimelerle tarif edildi',
  },
  accuracy_one: 'yaklaşık {{count}} metre doğrulukla',
  accuracy_other: 'yaklaşık {{count}} metre doğrulukla',
  footer:
    'Bu ileti Meldpunt tarafından otomatik olarak gönderildi. Bildiren kişi bu e-postaya verilen yanıtları görmez. Bilgileri gizli tutun.',
};
