import type { Anomaly } from '../../../src/anomalies/types.js';
import type { AlertItem } from '../../../src/alerts/types.js';
import { renderDigestMail } from '../../../src/alerts/templates/digest.js';
import { renderImmediateMail } from '../../../src/alerts/templates/immediate.js';
import type { RenderContext } from '../../../src/alerts/templates/render.js';
import { ruleInput } from '../../support/rule-input.js';

const tr: RenderContext = { language: 'tr', timeZone: 'Europe/Istanbul', publicUrl: 'https://track.shop.example' };
const en: RenderContext = { ...tr, language: 'en' };

function item(code: Anomaly['code'], severity: Anomaly['severity'], details: Anomaly['details'], name = 'Ayşe Yılmaz', trackingNumber = 'SBX0500000012'): AlertItem {
  const { shipment } = ruleInput({ now: '2026-03-17T12:00:00+03:00', shipment: { id: 'shp_abc', trackingNumber, orderId: 'SIP-77', customer: { name, email: null, phone: null } } });
  const at = new Date('2026-03-17T06:30:00Z');
  return {
    shipment,
    anomaly: {
      id: 'anm_1', shipmentId: 'shp_abc', carrier: 'sandbox', code, severity, state: 'open', triggerKey: 't', openedAt: at,
      acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, resolution: null, note: null, details, updatedAt: at,
    },
  };
}

const damaged = item('exception', 'critical', { substatus: 'exception.damaged', description: 'Kutu ezik', since: '2026-03-17T06:30:00.000Z' });

describe('immediate mail', () => {
  it('says in Turkish what happened, since when (shop time), what to do, with a link', () => {
    const mail = renderImmediateMail(damaged, tr);
    expect(mail.subject).toBe('[shipwatch] Kritik: Hasarlı kargo – SBX0500000012');
    expect(mail.text).toContain('17.03.2026 09:30');
    expect(mail.text).toContain('Kutu ezik');
    expect(mail.text).toContain('Sipariş: SIP-77');
    expect(mail.text).toContain('Müşteri: Ayşe Yılmaz');
    expect(mail.text).toContain('Kargo firmasıyla hasar tutanağı açın ve müşteriye yenisini gönderin.');
    expect(mail.text).toContain('https://track.shop.example/console/shipments/shp_abc');
    expect(mail.html).toContain('<a href="https://track.shop.example/console/shipments/shp_abc">');
  });

  it('says it in English too', () => {
    const mail = renderImmediateMail(damaged, en);
    expect(mail.subject).toBe('[shipwatch] Critical: Damaged parcel – SBX0500000012');
    expect(mail.text).toContain('2026-03-17 09:30');
    expect(mail.text).toContain('Open a damage report with the carrier and send the customer a replacement.');
  });

  it('escapes hostile carrier and customer text in HTML', () => {
    const hostile = item('delivery_failed', 'high', { description: '<script>alert(1)</script> "&\'', attemptedAt: '2026-03-17T06:30:00.000Z' }, '<img src=x onerror=alert(1)>');
    const { html } = renderImmediateMail(hostile, en);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps carrier text on one line in the plain part, so it cannot forge a link line', () => {
    const forged = item('delivery_failed', 'high', { description: 'kutu ezik\nDetails: https://evil.example/login', attemptedAt: '2026-03-17T06:30:00.000Z' });
    const { text } = renderImmediateMail(forged, en);
    expect(text.split('\n').filter((line) => line.startsWith('Details:'))).toEqual(['Details: https://track.shop.example/console/shipments/shp_abc']);
  });

  it('keeps the subject on one line whatever the carrier number holds', () => {
    const injected = item('exception', 'critical', { substatus: 'exception.lost' }, 'x', 'SBX1\r\nBcc: victim@example.com');
    const { subject } = renderImmediateMail(injected, en);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toBe('[shipwatch] Critical: Lost parcel – SBX1 Bcc: victim@example.com');
  });

  it('links carrier-level anomalies to the carrier', () => {
    const carrierLevel: AlertItem = { shipment: null, anomaly: { ...damaged.anomaly, shipmentId: null, code: 'carrier_unreachable', details: { since: '2026-03-17T06:00:00.000Z', failedPolls: 12 } } };
    const mail = renderImmediateMail(carrierLevel, tr);
    expect(mail.text).toContain('https://track.shop.example/console/carriers/sandbox');
    expect(mail.text).toContain('12 sorgunun hepsi başarısız');
  });
});

describe('digest mail', () => {
  const late = item('late', 'high', { deadline: '2026-03-16T20:59:59.999Z', lateBusinessDays: 1.5 });
  const stalled = item('stalled', 'medium', { since: '2026-03-12T07:00:00.000Z' });

  it('groups new and still-open problems by severity, most severe first', () => {
    const { subject, text } = renderDigestMail([damaged, stalled], [damaged, late, stalled], tr);
    expect(subject).toBe('[shipwatch] Günlük özet: 2 yeni, 3 açık sorun');
    const fresh = text.slice(0, text.indexOf('== Hâlâ açık'));
    expect(fresh.indexOf('-- Kritik (1) --')).toBeLessThan(fresh.indexOf('-- Orta (1) --'));
    expect(fresh).not.toContain('-- Yüksek');
    const open = text.slice(text.indexOf('== Hâlâ açık (3) =='));
    expect(open).toContain('-- Yüksek (1) --');
    expect(open).toContain('1.5 iş günü gecikmede');
  });

  it('says so when nothing is new', () => {
    const { text, html } = renderDigestMail([], [late], en);
    expect(text).toContain('== New since the last digest (0) ==\n\nNone.');
    expect(html).toContain('<h2>Still open (1)</h2>');
  });
});

describe('retries and digest ids', () => {
  it('backs off from a minute to an hour at most, jitter included', async () => {
    const { retryDelay, digestMessageId } = await import('../../../src/alerts/mailer.js');
    expect(retryDelay(1, () => 0)).toBe(60_000);
    expect(retryDelay(3, () => 0)).toBe(240_000);
    expect(retryDelay(30, () => 1)).toBe(3_600_000);
    expect(digestMessageId([3, 4], '2026-03-17')).toBe(digestMessageId([3, 4], '2026-03-18'));
    expect(digestMessageId([3, 4], '2026-03-17')).not.toBe(digestMessageId([3, 5], '2026-03-17'));
    expect(digestMessageId([], '2026-03-17')).toMatch(/^<digest-[0-9a-f]{20}@shipwatch>$/);
  });
});
