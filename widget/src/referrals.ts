/** The national help organisations every reporter is shown (brief: "What the reporter must always be told"). */
export const defaultReferrals = [
  { key: 'slachtofferhulp', phone: '0900-0101', url: 'https://www.slachtofferhulp.nl' },
  { key: 'csg', phone: '0800-0188', url: 'https://centrumseksueelgeweld.nl' },
  { key: 'veiligThuis', phone: '0800-2000', url: 'https://www.veiligthuis.nl' },
  { key: 'mma', phone: '0800-7000', url: 'https://www.meldmisdaadanoniem.nl' },
] as const;
