/** An integer amount in the currency's smallest unit, as people read it: 1900 usd → "$19.00". */
export function formatMoney(amount: number, currency = "usd"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

/** Course prices arrive in dollars (the catalog's `pricing.price`); checkout works in cents. */
export function priceToMinor(price: number): number {
  return Math.round(price * 100);
}
