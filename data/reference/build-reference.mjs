// Writes the derived reference CSV files of the data module. Run through refresh.sh.
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CITY_HEADER, EU27, REGIONS, REGION_HEADER, cityLines, regionLines, csv, line, ascii } from './cities.mjs';

const require = createRequire(import.meta.url);
const { countries, languages } = require('countries-list');
const Holidays = require('date-holidays');
const holidayJp = require('@holiday-jp/holiday_jp');

const outDir = process.argv[2];
const crossCheckDir = process.argv[3];
mkdirSync(outDir, { recursive: true });
mkdirSync(crossCheckDir, { recursive: true });

const FIRST_YEAR = 2024;
const LAST_YEAR = 2035;

// Cities of 50,000 and more (the planner's cities), and towns of 15,000 to 49,999 (for looking applicants up only:
// real participants such as Almada and Maia are below 50,000).
writeFileSync(join(outDir, 'cities.csv'), [CITY_HEADER, ...cityLines(50000, Infinity)].join('\n') + '\n');
writeFileSync(join(outDir, 'towns.csv'), [CITY_HEADER, ...cityLines(15000, 50000)].join('\n') + '\n');
writeFileSync(join(outDir, 'regions.csv'), [REGION_HEADER, ...regionLines()].join('\n') + '\n');

const countryRows = Object.keys(countries).sort().map((code) => {
  const c = countries[code];
  return line([code, c.name, c.native, (c.languages || []).join(';'), REGIONS[code] || '']);
});
writeFileSync(join(outDir, 'countries.csv'),
  ['code,name,native_name,languages,default_region', ...countryRows].join('\n') + '\n');

const languageRows = Object.keys(languages).filter((code) => code.length === 2).sort()
  .map((code) => line([code, languages[code].name, languages[code].native]));
writeFileSync(join(outDir, 'languages.csv'), ['code,name,native_name', ...languageRows].join('\n') + '\n');

// The second holiday source, to cross-check python-holidays (see holidays_from_python_holidays.py): national public
// holidays of every mapped country from date-holidays, except Japan (holiday_jp, from the Cabinet Office list) and
// South Korea for the years that holidays-kr covers (from the official gazette).
const holidaysKr = async (year) => {
  try {
    const { getHolidayPreset } = await import('@hyunbinseo/holidays-kr');
    return await getHolidayPreset(String(year));
  } catch (e) {
    return null;
  }
};
const holidayRows = [];
for (const country of Object.keys(REGIONS).sort()) {
  const calendar = new Holidays(country);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const seen = new Set();
    const add = (date, name, source) => {
      const key = `${date}|${name}`;
      if (seen.has(key)) return;
      seen.add(key);
      holidayRows.push(line([country, date, name, source]));
    };
    const korean = country === 'KR' ? await holidaysKr(year) : null;
    if (country === 'JP') {
      for (const h of holidayJp.between(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31)))) {
        add(h.date.toISOString().substring(0, 10), h.name_en, 'holiday_jp');
      }
    } else if (korean) {
      for (const [date, names] of Object.entries(korean).sort()) add(date, names.join('; '), 'holidays-kr');
    } else {
      for (const holiday of calendar.getHolidays(year, 'en')) {
        if (holiday.type !== 'public') continue;
        add(holiday.date.substring(0, 10), holiday.name, 'date-holidays');
      }
    }
  }
}
writeFileSync(join(crossCheckDir, 'holidays-crosscheck.csv'),
  ['country,date,name,source', ...holidayRows].join('\n') + '\n');

console.log(`cities: ${cityRows.length}, countries: ${countryRows.length}, languages: ${languageRows.length},`
  + ` holidays: ${holidayRows.length}`);
