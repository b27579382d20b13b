/** Turkish texts of the location picker (step "Where"). */
export const location = {
  intro: 'Yeri bu yollardan biriyle seçin. Haritayı kullanmak zorunda değilsiniz.',
  search: {
    label: 'Adres veya sokak arayın',
    hint: 'En az 3 karakter yazın. Sonra listeden bir adresi ok tuşları ve Enter ile ya da üzerine dokunarak seçin.',
    suggestions: 'Bulunan adresler',
    searching: 'Aranıyor…',
    results_one: 'Bulunan adresler: {{count}}.',
    results_other: 'Bulunan adresler: {{count}}.',
    noResults: 'Adres bulunamadı. Farklı yazmayı deneyin ya da yeri başka bir yolla seçin.',
    error: 'Arama şu anda çalışmıyor. Yeri haritada seçin, konumunuzu kullanın ya da yeri anlatın.',
    lookupError: 'Bu adresin konumu şu anda alınamıyor. Adresi yerin açıklamasına ekledik.',
  },
  device: {
    button: 'Konumumu kullan',
    hint: 'Şu anda olayın olduğu yerdeyseniz işinize yarar.',
    busy: 'Konumunuz bulunuyor…',
    accuracy_one: 'Yaklaşık {{count}} metre doğrulukla',
    accuracy_other: 'Yaklaşık {{count}} metre doğrulukla',
    denied:
      'İzin verilmediği için konumunuz kullanılamıyor. Yeri arayabilir, haritada seçebilir ya da anlatabilirsiniz.',
    unavailable: 'Konumunuz şu anda bulunamıyor. Yeri arayabilir, haritada seçebilir ya da anlatabilirsiniz.',
    timeout: 'Konumunuzu bulmak çok uzun sürdü. Tekrar deneyin ya da yeri başka bir yolla seçin.',
    unsupported: 'Bu tarayıcı konumunuzu paylaşamıyor. Yeri arayabilir, haritada seçebilir ya da anlatabilirsiniz.',
  },
  map: {
    label: 'Yeri seçmek için harita',
    instructions:
      'Yeri seçmek için haritaya tıklayın veya dokunun. Klavyeyle: haritayı ok tuşlarıyla kaydırın ve artı işaretinin olduğu yeri seçmek için Enter’a basın. + ve - ile yakınlaştırın ve uzaklaştırın.',
    zoomIn: 'Yakınlaştır',
    zoomOut: 'Uzaklaştır',
    loading: 'Harita yükleniyor…',
    loadError: 'Harita şu anda yüklenemiyor. Yeri arayabilir, konumunuzu kullanabilir ya da yeri anlatabilirsiniz.',
    outside: 'Bu yer, bu bildirim noktasının bölgesinin dışında. Harita içinde bir yer seçin.',
    attribution: 'Harita kaynağı',
  },
  describe: {
    label: 'Yeri anlatın',
    hint: 'Örneğin: İstasyon Meydanı’ndaki otobüs durağında ya da Rotterdam’a giden trende. Tek cevabınız bu da olabilir.',
  },
  chosen: {
    place: 'Seçilen yer: {{place}}',
    clear: 'Seçimi silin',
    cleared: 'Seçilen yer silindi.',
  },
  route: {
    elsewhere: 'Bu yer {{municipality}} belediyesinin sınırları içinde. Bildiriminiz şuraya gönderilecek: {{name}}.',
    notParticipating:
      'Bu yer {{municipality}} belediyesinin sınırları içinde. Bu belediye bu bildirim noktasına bağlı değil. Bildiriminiz saklanır, ancak belediyeye iletilmez. Yardım veya takip için lütfen doğrudan {{municipality}} belediyesiyle iletişime geçin.',
    noFollowUp: '{{name}}, bildirimler hakkında sizinle iletişime geçmez.',
    contactCleared:
      'Bu bildirim hakkında kimse sizinle iletişime geçmeyeceği için girdiğiniz iletişim bilgilerini sildik.',
    outside:
      'Bu yer Hollanda’da değil. Hollanda’da bir yer seçin. Ya da seçilen yeri silin ve olayın nerede olduğunu kelimelerle anlatın.',
    forwarded: 'Bildiriminiz şuraya iletildi: {{name}}.',
  },
} as const;
