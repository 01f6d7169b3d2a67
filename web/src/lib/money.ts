/**
 * The amount of a delivery as the server computes it: kg / 1000 × ₽/t, rounded half-up to
 * kopecks — in integer arithmetic (milligrams of weight × kopecks of price), so the preview
 * agrees with the server to the kopeck.
 */
export function deliveryAmount(weightKg: number | null | undefined, pricePerTonne: number | null | undefined): number | null {
  if (weightKg === null || weightKg === undefined || pricePerTonne === null || pricePerTonne === undefined) return null;
  if (!Number.isFinite(weightKg) || !Number.isFinite(pricePerTonne) || weightKg <= 0 || pricePerTonne <= 0) return null;
  const grams = BigInt(Math.round(weightKg * 1000)); // at most 3 decimals of kg
  const kopecks = BigInt(Math.round(pricePerTonne * 100)); // at most 2 decimals of roubles
  // amount in kopecks = grams/1e6 (t) × kopecks; round half up
  const product = grams * kopecks;
  const million = 1_000_000n;
  const rounded = (product + million / 2n) / million;
  return Number(rounded) / 100;
}
