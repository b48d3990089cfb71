import { drawableText } from '@/lib/og/cardText';
import { headlineSize } from '@/lib/og/headlineSize';
import { cardFontStack } from '@/lib/og/fonts';

export interface OgCardProps {
  siteName: string;
  headline: string;
  /** Section name, or a tagline on the default card. */
  kicker?: string;
  dateText?: string;
  /** The story photo as a data URI, shown on the right. */
  photo?: string;
  lang: string;
  /** "Live" in the card's language, for a story followed live now: a badge before the kicker. */
  liveLabel?: string;
}

const ACCENT = '#9b1026';
const PHOTO_WIDTH = 460;

/** The 1200x630 social card (rendered by satori: flexbox and inline styles only). */
export function OgCard({ siteName, headline, kicker, dateText, photo, lang, liveLabel }: OgCardProps) {
  const textWidth = (photo ? 1200 - PHOTO_WIDTH : 1200) - 2 * 64;
  const { fontSize, lines } = headlineSize(headline, { width: textWidth, height: 340 });
  return (
    <div lang={lang} style={{ display: 'flex', width: '100%', height: '100%', background: '#fbfaf7', color: '#1b1b1b' }}>
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: textWidth + 128, padding: '56px 64px', borderTop: `12px solid ${ACCENT}` }}>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          {(kicker || liveLabel) && (
            <div style={{ display: 'flex', alignItems: 'center', fontFamily: cardFontStack(lang, 'text'), fontWeight: 700, fontSize: 28, color: ACCENT, textTransform: 'uppercase', letterSpacing: 2 }}>
              {liveLabel && (
                <div style={{ display: 'flex', background: ACCENT, color: '#ffffff', padding: '4px 14px', marginRight: 18, borderRadius: 4 }} data-component="card-live">
                  {drawableText(liveLabel)}
                </div>
              )}
              {kicker}
            </div>
          )}
          <div
            style={{
              display: 'block',
              marginTop: 20,
              fontFamily: cardFontStack(lang, 'headline'),
              fontWeight: 700,
              fontSize,
              lineHeight: 1.15,
              maxHeight: 340,
              overflow: 'hidden',
              lineClamp: lines,
              textOverflow: 'ellipsis',
            }}
          >
            {headline}
          </div>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontFamily: cardFontStack(lang, 'text'), fontSize: 26, color: '#4d4d4d' }}>
          <div style={{ display: 'flex', fontWeight: 700, color: '#1b1b1b' }}>{siteName}</div>
          {dateText && <div style={{ display: 'flex' }}>{dateText}</div>}
        </div>
      </div>
      {photo && (
        // eslint-disable-next-line @next/next/no-img-element -- satori renders plain <img>
        <img src={photo} width={PHOTO_WIDTH} height={630} style={{ width: PHOTO_WIDTH, height: 630, objectFit: 'cover' }} alt="" />
      )}
    </div>
  );
}
