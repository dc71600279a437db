import type { Db } from '../../storage/database.ts';
import { AppError } from '../../shared/errors.ts';
import { countRequests, recordRequest } from './subscriber-store.ts';

/** Subscribe forms accepted per IP address per hour. */
export const requestsPerIpPerHour = 20;
/** Whatever the IP, an address gets at most one confirmation mail per 10 minutes and 3 per day. */
export const mailsPerAddressPer10Minutes = 1;
export const mailsPerAddressPerDay = 3;

/** Refuses a subscribe request from an IP that sent too many; counts it otherwise. */
export async function admitRequest(db: Db, ip: string, now: Date): Promise<void> {
  if ((await countRequests(db, 'ip', ip, new Date(now.getTime() - 3600_000))) >= requestsPerIpPerHour) {
    throw new AppError('rate_limited', 'Too many subscribe requests from this address; try again in an hour.');
  }
  await recordRequest(db, 'ip', ip, now);
}

/** True (and counted) when Aviso may send one more confirmation mail to this address now. */
export async function mayMail(db: Db, address: string, now: Date): Promise<boolean> {
  const key = address.trim().toLowerCase();
  if ((await countRequests(db, 'mail', key, new Date(now.getTime() - 10 * 60_000))) >= mailsPerAddressPer10Minutes) return false;
  if ((await countRequests(db, 'mail', key, new Date(now.getTime() - 24 * 3600_000))) >= mailsPerAddressPerDay) return false;
  await recordRequest(db, 'mail', key, now);
  return true;
}
