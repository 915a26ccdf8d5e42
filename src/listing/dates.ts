const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A calendar date as the page writes it, with or without a year. */
export interface PageDate {
	month: number;
	day: number;
	year: number | null;
}

const PAGE_DATE = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/;

/** Reads "Nov 25", "Feb 17, 2022" or "September 3, 2024"; null when it is not such a date. */
export function parsePageDate(text: string): PageDate | null {
	const match = PAGE_DATE.exec(text.trim());
	if (!match) return null;
	const [, monthName = '', dayText = '', yearText] = match;
	const lower = monthName.toLowerCase();
	const month = MONTHS.findIndex((name) => lower.startsWith(name) && fullMonthMatches(lower, name)) + 1;
	const day = Number(dayText);
	if (month === 0 || day < 1 || day > 31) return null;
	const year = yearText === undefined ? null : Number(yearText);
	if (year !== null && !isValidDate(year, month, day)) return null;
	if (year === null && !isValidDate(2024, month, day)) return null; // leap-year safe check of the day
	return {month, day, year};
}

function fullMonthMatches(lower: string, short: string): boolean {
	if (lower.length === 3) return true;
	const full = new Intl.DateTimeFormat('en', {month: 'long', timeZone: 'UTC'})
		.format(new Date(Date.UTC(2024, MONTHS.indexOf(short), 1)))
		.toLowerCase();
	return full === lower || (short === 'sep' && lower === 'sept');
}

function isValidDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The year for a date the page printed without one. With an explicit year, that year. Otherwise the
 * year of `today`, unless that would put the date more than one day in the future, in which case the
 * year before (a "Dec 30" read on Jan 2 is last December). Feb 29 falls back to the nearest leap year.
 */
export function inferYear(month: number, day: number, today: Date, explicitYear?: number): number {
	if (explicitYear !== undefined) return explicitYear;
	let year = today.getUTCFullYear();
	const tomorrow = Date.UTC(year, today.getUTCMonth(), today.getUTCDate() + 1);
	if (Date.UTC(year, month - 1, day) > tomorrow) year -= 1;
	while (!isValidDate(year, month, day)) year -= 1;
	return year;
}

/** "YYYY-MM-DD". */
export function formatIsoDate(year: number, month: number, day: number): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
