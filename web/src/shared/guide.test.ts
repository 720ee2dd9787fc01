import { describe, expect, it } from 'vitest';
import { guideServices, validityOf } from './guide';

const hall = { name: '盘锦市政务服务中心', address: '兴隆台区市府大路 1 号', hours: '工作日 9:00–17:00' };
const contacts = { consultPhone: '0427-2812345', complaintPhone: '12345' };
const free = { charged: false, items: [] };
const charged = { charged: true, items: [{ name: '工本费', amount: '10', basis: '辽价发〔2020〕1号' }] };

describe('guideServices 便民服务', () => {
  it('shows no booking or payment tag while neither function exists, and says where to go instead', () => {
    const s = guideServices({ appointment: true, onlinePayment: true, fees: charged, hall, contacts });
    expect(s.tags).toEqual([]);
    expect(s.bookOffline).toEqual({
      place: '盘锦市政务服务中心，兴隆台区市府大路 1 号',
      hours: '工作日 9:00–17:00',
      phone: '0427-2812345',
    });
    expect(s.payOffline?.place).toBe('盘锦市政务服务中心，兴隆台区市府大路 1 号');
  });

  it('shows the tags once the functions exist', () => {
    const s = guideServices(
      { appointment: true, onlinePayment: true, acceptAnywhere: true, fees: charged, hall, contacts },
      { booking: true, payment: true },
    );
    expect(s.tags).toEqual(['acceptAnywhere', 'onlinePayment', 'appointment']);
    expect(s.bookOffline).toBeNull();
    expect(s.payOffline).toBeNull();
  });

  it('says nothing about booking or paying for an item that takes no appointments and charges nothing', () => {
    const s = guideServices({ expressDelivery: true, fees: free, hall, contacts });
    expect(s).toEqual({ tags: ['expressDelivery'], bookOffline: null, payOffline: null });
  });

  it('tells where to pay a charged fee even when the guide does not mention payment', () => {
    expect(guideServices({ fees: charged, hall, contacts }).payOffline).not.toBeNull();
  });

  it('leaves out what the guide does not know', () => {
    const s = guideServices({ appointment: true, fees: free, hall: { name: '', address: ' ', hours: '' }, contacts });
    expect(s.bookOffline).toEqual({ place: null, hours: null, phone: '0427-2812345' });
  });
});

describe('validityOf', () => {
  it('states a certificate’s term, or 长期有效 when the item gives none', () => {
    expect(validityOf({ type: 'certificate', validYears: 5 })).toBe(5);
    expect(validityOf({ type: 'certificate' })).toBe('long');
  });
  it('states no term for a result that is not a certificate', () => {
    expect(validityOf({ type: 'approval_document' })).toBeNull();
    expect(validityOf(undefined)).toBeNull();
  });
});
