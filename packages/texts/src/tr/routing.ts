import type { TextTree } from '../text-tree.ts';
import type { routing as nl } from '../nl/routing.ts';

/** Turkish answers about where a report went (formal). */
export const routing: TextTree<typeof nl> = {
  nonParticipating: {
    title: 'Bildiriminiz için teşekkür ederiz',
    body:
      'Bunu bildirmeniz çok iyi. Yaşananlar kabul edilemez ve asla sizin suçunuz değil. ' +
      'Seçtiğiniz yer {{municipality}} belediyesinin sınırları içinde. Bu belediye bu bildirim noktasına bağlı değil. ' +
      'Bildiriminizi saklıyoruz, ancak bu belediyeye iletemiyoruz ve bu konuda sizinle iletişime geçmeyeceğiz. ' +
      'Bir şey yapılmasını istiyorsanız veya yardıma ihtiyacınız varsa, lütfen doğrudan {{municipality}} belediyesiyle iletişime geçin. ' +
      'Acil bir durumda 112’yi arayın.',
  },
  // Issue 13: the hosted reporting page (`/m/:slug`) at an address without a reporting point.
  hostedPageNotFound: {
    title: 'Bu bildirim noktası mevcut değil',
    body: 'Bu adreste bir bildirim noktası yok. Adresi kontrol edin veya bildirim noktasını belediyenizin web sitesinde arayın. Acil bir durumda 112’yi arayın.',
  },
};
