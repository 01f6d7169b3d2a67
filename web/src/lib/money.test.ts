import { describe, expect, it } from 'vitest';
import { deliveryAmount } from './money';

describe('delivery amount preview', () => {
  it('is net tonnes times the price per tonne', () => {
    expect(deliveryAmount(12_340, 25_000)).toBe(308_500);
    expect(deliveryAmount(1, 1)).toBe(0); // 0.001 ₽ rounds to 0 kopecks
  });

  it('rounds half up to kopecks without float drift', () => {
    expect(deliveryAmount(0.5, 0.01)).toBe(0); // 0.000005 ₽
    expect(deliveryAmount(500, 0.01)).toBe(0.01); // exactly half a kopeck → up
    expect(deliveryAmount(1234.567, 18_750.55)).toBe(23_148.81);
    expect(deliveryAmount(999_999_999.999, 99_999.99)).toBe(99_999_989_999.9);
  });

  it('shows nothing until both numbers are there and positive', () => {
    expect(deliveryAmount(null, 100)).toBeNull();
    expect(deliveryAmount(100, undefined)).toBeNull();
    expect(deliveryAmount(0, 100)).toBeNull();
    expect(deliveryAmount(-5, 100)).toBeNull();
  });
});
