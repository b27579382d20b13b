/** Turkish texts of the location picker (step "Where"). */
export const location = {
  intro: 'Yeri bu yollardan biriyle seç. Haritayı kullanmak zorunda değilsin.',
  search: {
    label: 'Adres veya sokak ara',
    hint: 'En az 3 karakter yaz. Sonra listeden bir adresi ok tuşları ve Enter ile ya da üzerine dokunarak seç.',
    suggestions: 'Bulunan adresler',
    searching: 'Aranıyor…',
    results: 'Bulunan adresler: {{number}}.',
    noResults: 'Adres bulunamadı. Farklı yazmayı dene ya da yeri başka bir yolla seç.',
    error: 'Arama şu anda çalışmıyor. Yeri haritada seç, konumunu kullan ya da yeri anlat.',
    lookupError: 'Bu adresin konumu şu anda alınamıyor. Adresi yerin açıklamasına ekledik.',
  },
  device: {
    button: 'Konumumu kullan',
    hint: 'Şu anda olayın olduğu yerdeysen işine yarar.',
    busy: 'Konumun bulunuyor…',
    accuracy: 'Yaklaşık {{meters}} metre doğrulukla',
    denied: 'İzin verilmediği için konumun kullanılamıyor. Yeri arayabilir, haritada seçebilir ya da anlatabilirsin.',
    unavailable: 'Konumun şu anda bulunamıyor. Yeri arayabilir, haritada seçebilir ya da anlatabilirsin.',
    timeout: 'Konumunu bulmak çok uzun sürdü. Tekrar dene ya da yeri başka bir yolla seç.',
    unsupported: 'Bu tarayıcı konumunu paylaşamıyor. Yeri arayabilir, haritada seçebilir ya da anlatabilirsin.',
  },
  map: {
    label: 'Yeri seçmek için harita',
    instructions:
      'Yeri seçmek için haritaya tıkla veya dokun. Klavyeyle: haritayı ok tuşlarıyla kaydır ve artı işaretinin olduğu yeri seçmek için Enter’a bas. + ve - ile yakınlaştır ve uzaklaştır.',
    zoomIn: 'Yakınlaştır',
    zoomOut: 'Uzaklaştır',
    loading: 'Harita yükleniyor…',
    loadError: 'Harita şu anda yüklenemiyor. Yeri arayabilir, konumunu kullanabilir ya da yeri anlatabilirsin.',
    outside: 'Bu yer, bu bildirim noktasının bölgesinin dışında. Harita içinde bir yer seç.',
    attribution: 'Harita kaynağı',
  },
  describe: {
    label: 'Yeri anlat',
    hint: 'Örneğin: İstasyon Meydanı’ndaki otobüs durağında ya da Rotterdam’a giden trende. Tek cevabın bu da olabilir.',
  },
  chosen: {
    place: 'Seçilen yer: {{place}}',
    clear: 'Seçimi sil',
    cleared: 'Seçilen yer silindi.',
  },
} as const;
