import type { TextTree } from '../text-tree.ts';
import type { routing as nl } from '../nl/routing.ts';

/** Arabic answers about where a report went (right to left). */
export const routing: TextTree<typeof nl> = {
  nonParticipating: {
    title: 'شكرًا لك على بلاغك',
    body:
      'من الجيد أنك أبلغت عن هذا. ما حدث غير مقبول، وليس ذنبك أبدًا. ' +
      'المكان الذي اخترته يقع في بلدية {{municipality}}. هذه البلدية غير مشتركة في نقطة الإبلاغ هذه. ' +
      'نحتفظ ببلاغك، لكن لا يمكننا إرساله إلى تلك البلدية، ولن نتواصل معك بشأنه. ' +
      'إذا أردت أن يُتخذ إجراء أو احتجت إلى مساعدة، فتواصل مباشرة مع بلدية {{municipality}}. ' +
      'في حالة الطوارئ، اتصل بالرقم 112.',
  },
  // Issue 13: the hosted reporting page (`/m/:slug`) at an address without a reporting point.
  hostedPageNotFound: {
    title: 'نقطة البلاغ هذه غير موجودة',
    body: 'لا توجد نقطة بلاغ على هذا العنوان. تحقّق من العنوان، أو ابحث عن نقطة البلاغ على موقع بلديتك. في حالة الطوارئ، اتصل بالرقم 112.',
  },
};
