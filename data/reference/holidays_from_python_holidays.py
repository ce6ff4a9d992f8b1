#!/usr/bin/env python3
"""Writes the holiday reference data of the data module from a python-holidays checkout. Run through refresh.sh.

Usage: holidays_from_python_holidays.py CHECKOUT RESOURCES CROSSCHECK_CSV REPORT_MD

  CHECKOUT        a checkout of github.com/vacanza/holidays (MIT); its commit and VERSION are recorded
  RESOURCES       data/src/main/resources/eu/iucplanner/reference: holidays.csv, soft-periods.csv and
                  holidays-source.txt are written there; countries.csv is read from there
  CROSSCHECK_CSV  the second source (date-holidays, holiday_jp, holidays-kr), written by build-reference.mjs
  REPORT_MD       the disagreement report to write (data/reference/holiday-disagreements.md)

Needs python3 with python-dateutil (Debian: python3-dateutil) and msgfmt (Debian: gettext) for the English names.
The checkout is not changed: its package is copied to a temporary folder, where the translations are compiled.
"""

import calendar
import csv
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

FIRST_YEAR = 2024
LAST_YEAR = 2035
SOURCE = "python-holidays"

# python-holidays subdivisions that are not ISO 3166-2 codes (a city, a former province): left out, since cities
# carry ISO 3166-2 first-level codes only.
NON_ISO_SUBDIVISION = re.compile(r"[^A-Z0-9]")

# Options of a country's python-holidays class: Swedish law counts every Sunday as a holiday; we list days that are
# holidays beyond the weekend.
COUNTRY_OPTIONS = {"SE": {"include_sundays": False}}

# Where a country package built from the official gazette has the year, it wins over python-holidays: its dates replace
# python-holidays' national dates of that year (names kept from python-holidays where both have the date).
OFFICIAL_SOURCES = {"JP": "holiday_jp", "KR": "holidays-kr"}
# English names for the Korean names of holidays-kr that python-holidays lacks.
KOREAN_NAMES = {"노동절": "Labour Day", "대체공휴일(노동절)": "Alternative holiday for Labour Day",
                "대체공휴일(제헌절)": "Alternative holiday for Constitution Day"}


def load_python_holidays(checkout):
    """Imports the checkout's holidays package from a temporary copy with compiled translations."""
    work = Path(tempfile.mkdtemp(prefix="python-holidays-"))
    shutil.copytree(Path(checkout) / "holidays", work / "holidays")
    for po in (work / "holidays" / "locale").rglob("*.po"):
        subprocess.run(["msgfmt", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    version = (Path(checkout) / "VERSION").read_text().strip()
    # holidays/version.py asks the installed distribution for its version; this copy is not installed.
    real_version = importlib.metadata.version
    importlib.metadata.version = lambda name: version if name == "holidays" else real_version(name)
    sys.path.insert(0, str(work))
    import holidays  # noqa: E402

    return holidays, version, work


def commit_of(checkout):
    try:
        return subprocess.run(["git", "-C", checkout, "rev-parse", "HEAD"], check=True, capture_output=True,
                               text=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "unknown"


def mapped_countries(resources):
    with open(Path(resources) / "countries.csv", encoding="utf-8") as f:
        return sorted(row["code"] for row in csv.DictReader(f) if row["default_region"])


def calendar_of(holidays, country, subdivision=None):
    probe = holidays.country_holidays(country)
    language = "en_US" if "en_US" in (probe.supported_languages or ()) else None
    return type(probe)(subdiv=subdivision, years=range(FIRST_YEAR, LAST_YEAR + 1), language=language,
                       categories=("public",), **COUNTRY_OPTIONS.get(country, {}))


def entries(calendar_):
    """(date, name) pairs; python-holidays joins the names of holidays on one date with '; '."""
    return {(day, name.strip()) for day, names in calendar_.items() for name in names.split("; ")}


def generate_holidays(holidays, countries, crosscheck_rows):
    """The rows of holidays.csv, the corrections taken from an official source, and the subdivision notes."""
    rows = []
    corrections = []
    notes = {}
    for country in countries:
        national = entries(calendar_of(holidays, country))
        official = OFFICIAL_SOURCES.get(country)
        if official:
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                theirs = {day: name for (c, day, name, source) in crosscheck_rows
                          if c == country and day.year == year and source == official}
                if not theirs:
                    continue
                ours = {day for day, _ in national if day.year == year}
                for day in sorted(ours - set(theirs)):
                    corrections.append((country, day, "removed", "; ".join(n for d, n in national if d == day),
                                        official))
                national = {(d, n) for d, n in national if d.year != year or d in theirs}
                for day in sorted(set(theirs) - ours):
                    name = KOREAN_NAMES.get(theirs[day], theirs[day])
                    corrections.append((country, day, "added", name, official))
                    rows.append((country, "", day, name, official))
        rows += [(country, "", day, name, SOURCE) for day, name in national]
        national_dates = {day for day, _ in national}
        subdivisions = [s for s in holidays.country_holidays(country).subdivisions if not NON_ISO_SUBDIVISION.search(s)]
        lacking = {}
        for subdivision in subdivisions:
            regional = entries(calendar_of(holidays, country, subdivision))
            code = f"{country}-{subdivision}"
            rows += [(country, code, day, name, SOURCE) for day, name in regional - national]
            missing = national_dates - {day for day, _ in regional}
            if missing:
                lacking[code] = len(missing)
        if lacking:
            notes[country] = lacking
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return rows, corrections, notes


def soft_periods(holidays, version):
    """Cultural periods that are not public holidays, per country: (country, start, end, name, source)."""
    from dateutil.easter import easter
    from holidays.calendars.chinese import (CHINESE_CALENDAR, KOREAN_CALENDAR, VIETNAMESE_CALENDAR,
                                            _ChineseLunisolar)
    from holidays.countries.indonesia import IndonesiaIslamicHolidays
    from holidays.countries.malaysia import MalaysiaIslamicHolidays

    eu27 = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
    western_christmas = eu27 + "CA US AR BR CL CO MX PE AU NZ".split()
    years = range(FIRST_YEAR - 1, LAST_YEAR + 1)
    periods = []

    def add(countries, start, end, name, source):
        if end.year >= FIRST_YEAR and start.year <= LAST_YEAR:
            periods.extend((country, start, end, name, source) for country in countries)

    def month_end(year, month):
        return date(year, month, calendar.monthrange(year, month)[1])

    # Ramadan: from 1 Ramadan to the eve of Eid al-Fitr, by each country's own Islamic calendar in python-holidays.
    for country, islamic in (("ID", IndonesiaIslamicHolidays()), ("MY", MalaysiaIslamicHolidays())):
        eids = sorted({d for y in range(FIRST_YEAR - 1, LAST_YEAR + 2) for d, _ in islamic.eid_al_fitr_dates(y)})
        starts = {d: estimated for y in years for d, estimated in islamic.ramadan_beginning_dates(y)}
        for start, estimated in sorted(starts.items()):
            eid = next((d for d in eids if d > start), None)
            if eid is None or (eid - start).days > 31:
                continue
            source = f"python-holidays {version} Islamic calendar of {country}" + (", estimated" if estimated else "")
            add([country], start, eid - timedelta(days=1), "Ramadan", source)

    # Lunar New Year weeks: a week before New Year (travel home) to the Lantern Festival, 15th day of the 1st month.
    for country, lunar_calendar in (("CN", CHINESE_CALENDAR), ("KR", KOREAN_CALENDAR), ("VN", VIETNAMESE_CALENDAR)):
        lunisolar = _ChineseLunisolar(calendar=lunar_calendar)
        for year in years:
            new_year, _ = lunisolar.lunar_new_year_date(year)
            add([country], new_year - timedelta(days=7), new_year + timedelta(days=14), "Lunar New Year weeks",
                f"python-holidays {version} lunisolar calendar; a week before New Year to the Lantern Festival")

    for year in years:
        add(eu27, date(year, 8, 1), date(year, 8, 31), "Summer holiday season (August)",
            "Eurostat tourism statistics: August is the peak month of holiday nights in the EU")
        add(["DK", "FI", "SE"], date(year, 7, 1), date(year, 7, 31), "Summer holiday season (July)",
            "Nordic collective summer leave (industrisemester, kesäloma) falls mostly in July")
        add(western_christmas, date(year, 12, 24), date(year + 1, 1, 1), "Christmas to New Year",
            "Christmas Eve to New Year's Day: offices, schools and universities closed or reduced")
        add(["JP"], date(year, 12, 29), date(year + 1, 1, 3), "Year-end and New Year holidays (nenmatsu nenshi)",
            "Act on Holidays of Administrative Organs (Japan): public offices closed 29 December to 3 January")
        add(["JP"], date(year, 8, 13), date(year, 8, 16), "Obon", "Obon week: many companies close 13-16 August")
        add(["AU", "NZ"], date(year, 12, 20), date(year + 1, 1, 31), "Southern-hemisphere summer holidays",
            "School and university summer break, mid-December to end of January")
        add(["AR", "BR", "CL", "PE"], date(year + 1, 1, 1), month_end(year + 1, 2),
            "Southern-hemisphere summer holidays", "School and university summer break, January and February")
        add(["IN"], date(year, 6, 1), date(year, 9, 30), "Southwest monsoon",
            "India Meteorological Department: southwest monsoon season June to September")
        add(["TH"], date(year, 5, 15), date(year, 10, 15), "Rainy season",
            "Thai Meteorological Department: rainy season mid-May to mid-October")
        add(["VN"], date(year, 6, 1), date(year, 11, 30), "Typhoon and flood season",
            "Viet Nam National Center for Hydro-Meteorological Forecasting: storm season June to November")
        add(["CN"], date(year, 7, 1), date(year, 9, 30), "Typhoon season",
            "China Meteorological Administration: most landfalling typhoons July to September")
        add(["JP"], date(year, 6, 1), date(year, 7, 20), "Rainy season (tsuyu)",
            "Japan Meteorological Agency: rainy season early June to mid-July in most regions")
        add(["JP"], date(year, 8, 1), date(year, 9, 30), "Typhoon season",
            "Japan Meteorological Agency: most approaching typhoons August and September")
        add(["KR"], date(year, 6, 20), date(year, 7, 31), "Monsoon (jangma)",
            "Korea Meteorological Administration: jangma late June to late July")
        add(["MY"], date(year, 11, 1), month_end(year + 1, 3), "Northeast monsoon",
            "Malaysian Meteorological Department: northeast monsoon November to March")
        add(["ID"], date(year, 11, 1), month_end(year + 1, 3), "Rainy season",
            "Indonesian Agency for Meteorology (BMKG): wet season November to March")
        easter_sunday = easter(year)
        add(["AR", "CL", "CO", "ES", "MX", "PE"], easter_sunday - timedelta(days=7), easter_sunday,
            "Holy Week (Semana Santa)", "Palm Sunday to Easter Sunday (Western Easter, dateutil)")
        add(["BR"], easter_sunday - timedelta(days=50), easter_sunday - timedelta(days=46), "Carnival",
            "Saturday to Ash Wednesday before Lent (Western Easter, dateutil)")
    periods.sort(key=lambda p: (p[0], p[1], p[3]))
    return periods


def read_crosscheck(path):
    """The cross-check rows (country, date, name, source), and the source names per country."""
    rows = []
    sources = defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rows.append((row["country"], date.fromisoformat(row["date"]), row["name"], row["source"]))
            sources[row["country"]].add(row["source"])
    return rows, sources


def by_country_year(rows):
    """(country, year) -> {date: first name}."""
    dates = defaultdict(dict)
    for country, day, name in rows:
        dates[(country, day.year)].setdefault(day, name)
    return dates


# Why the two sources differ, as far as checked, and which one the calendar follows.
EXPLANATIONS = {
    "AR": "date-holidays lacks Maundy Thursday (a non-working day in Argentina) and the bridge days decreed each "
          "year. holidays.csv follows python-holidays.",
    "AU": "date-holidays counts Easter Saturday/Sunday and substitute days that most states keep as national; "
          "python-holidays has them per state (subdivision rows). holidays.csv follows python-holidays.",
    "BE": "python-holidays lists Easter Sunday and Whit Sunday (legal holidays on a Sunday); no working day differs.",
    "BG": "date-holidays lacks Holy Saturday, 26 December and the moved (observed) days that the Labour Code and "
          "Council of Ministers decisions give. holidays.csv follows python-holidays.",
    "BR": "date-holidays counts election Sundays as public holidays; python-holidays does not. No working day "
          "differs. holidays.csv follows python-holidays.",
    "CA": "date-holidays lacks the federal observed days (a holiday on a weekend observed on Monday). holidays.csv "
          "follows python-holidays; provincial holidays are subdivision rows.",
    "CL": "Holy Saturday (python-holidays, Ley 2.977) against Easter Sunday (date-holidays). holidays.csv follows "
          "python-holidays.",
    "CN": "date-holidays lacks the State Council's bridge and moved days and counts days for groups (Women's Day, "
          "Youth Day, Children's Day, Army Day) as public; python-holidays has the notices through 2026 and the "
          "statutory weekend rule after. holidays.csv follows python-holidays.",
    "CO": "date-holidays lists Easter Sunday. No working day differs.",
    "CY": "Green Monday and Whit Monday (python-holidays, Orthodox calendar) against a day later/earlier in "
          "date-holidays. holidays.csv follows python-holidays.",
    "ES": "date-holidays counts national holidays that some autonomous communities move elsewhere that year; "
          "python-holidays keeps them per community (subdivision rows). holidays.csv follows python-holidays.",
    "FI": "python-holidays counts Midsummer Eve and Christmas Eve (de facto days off). holidays.csv follows "
          "python-holidays.",
    "GR": "date-holidays lists Easter Sunday and Pentecost and keeps Labour Day on 1 May when it is moved. "
          "holidays.csv follows python-holidays.",
    "HU": "python-holidays has the bridge days of the ministry decrees (NGM). holidays.csv follows python-holidays.",
    "ID": "Islamic dates a day apart (python-holidays follows the SKB of three ministers), the second day of Eid "
          "al-Fitr, and estimated Vesak/Nyepi years that date-holidays lacks. holidays.csv follows python-holidays.",
    "IN": "date-holidays has only the three national days; python-holidays follows the central government's "
          "gazetted list (Holi, Diwali, Dussehra, Eid, ...). holidays.csv follows python-holidays.",
    "IT": "python-holidays lists National Unity Day (first Sunday of November). No working day differs.",
    "KR": "holidays-kr (the KASA gazette, to 2027) wins for its years: Labour Day (노동절) from 2026 and the 2027 "
          "substitute days were added from it. After 2027 date-holidays lacks Seollal's and Chuseok's eve and day "
          "after and the election days; it has Constitution Day substitutes in 2032 and 2033 that python-holidays "
          "lacks (likely right, given the 2027 gazette: check when those gazettes are out) and Chuseok 2033 a lunar "
          "month late (wrong). holidays.csv follows python-holidays there.",
    "LT": "python-holidays lists Mother's and Father's Day (Sundays). No working day differs.",
    "LV": "python-holidays lists Mother's Day and Pentecost (Sundays) and the moved working days of Cabinet "
          "orders. holidays.csv follows python-holidays.",
    "MX": "Change of Federal Government: 1 October since the 2024 reform (python-holidays) against 1 December "
          "(date-holidays, old rule). holidays.csv follows python-holidays.",
    "MY": "date-holidays counts state holidays (New Year's Day, Nuzul Al-Quran, Deepavali) as national and has "
          "Islamic dates a day apart; python-holidays has them per state (subdivision rows). holidays.csv follows "
          "python-holidays.",
    "NL": "python-holidays counts Good Friday and Liberation Day in lustrum years. holidays.csv follows "
          "python-holidays.",
    "RO": "date-holidays lacks 2 January. holidays.csv follows python-holidays.",
    "SK": "From 2027 python-holidays restores 8 May and 15 September, which the 2024 consolidation act suspended "
          "for 2025-2026 only. holidays.csv follows python-holidays.",
    "TH": "date-holidays lacks the in-lieu days, the Cabinet's bridge days and Buddhist days in later years. "
          "holidays.csv follows python-holidays.",
    "US": "date-holidays lacks Veterans Day observed on a Friday or Monday (5 U.S.C. 6103). holidays.csv follows "
          "python-holidays.",
    "VN": "date-holidays lacks the Tết days beyond New Year's Day and the Prime Minister's bridge days. "
          "holidays.csv follows python-holidays.",
}


def write_report(path, rows, crosscheck_rows, crosscheck_sources, countries, commit, version, corrections, notes):
    """Compares the national rows of holidays.csv with the cross-check; HolidayCalendarGoldenTest does the same."""
    ours = by_country_year((c, d, n) for c, sub, d, n, _ in rows if not sub)
    theirs = by_country_year((c, d, n) for c, d, n, _ in crosscheck_rows)
    lines = [
        "# Public holidays: where the two sources disagree",
        "",
        f"Generated by `data/reference/refresh.sh`. It compares the national public holidays of `holidays.csv` "
        f"(python-holidays {version}, commit `{commit}`) with the cross-check source `holidays-crosscheck.csv` "
        "(date-holidays 3.37.0; holiday_jp 2.5.1 for JP; holidays-kr 5.2027.1 for KR where it has the year), "
        f"{FIRST_YEAR}-{LAST_YEAR}; a date counts once, whatever its names. `HolidayCalendarGoldenTest` "
        "recomputes every row below from the two committed CSV files, so this report cannot go stale silently. The "
        "cross-check's dates and names are date-holidays data (CC BY-SA 3.0, see ATTRIBUTION.md).",
        "",
        "Which source wins: python-holidays, except where a country package built from the official gazette has the "
        "year (JP: holiday_jp from the Cabinet Office list; KR: holidays-kr from the KASA gazette); then that "
        "package's dates are used (see Corrections). date-holidays is only a cross-check.",
        "",
        "## Summary",
        "",
        "| country | cross-check source | dates only in holidays.csv | dates only in the cross-check | why |",
        "|---|---|---:|---:|---|",
    ]
    details = []
    for country in countries:
        only_ours_total = only_theirs_total = 0
        country_lines = []
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            a = ours.get((country, year), {})
            b = theirs.get((country, year), {})
            only_ours = sorted(set(a) - set(b))
            only_theirs = sorted(set(b) - set(a))
            only_ours_total += len(only_ours)
            only_theirs_total += len(only_theirs)
            if only_ours or only_theirs:
                country_lines.append(f"| {year} | {cell(only_ours, a)} | {cell(only_theirs, b)} |")
        sources = ", ".join(sorted(crosscheck_sources.get(country, ())))
        why = EXPLANATIONS.get(country, "") if country_lines else ""
        lines.append(f"| {country} | {sources} | {only_ours_total} | {only_theirs_total} | {why} |")
        if country_lines:
            details += ["", f"## {country}", "", "| year | only in holidays.csv | only in the cross-check |",
                        "|---|---|---|"] + country_lines
    lines += details
    lines += ["", "## Corrections", "", "Dates of holidays.csv that differ from python-holidays:", ""]
    lines += [f"- {country} {day.isoformat()} {change}: {name} (source: {source})"
              for country, day, change, name, source in corrections] or ["- none"]
    if notes:
        lines += ["", "## Subdivisions without a national holiday", "",
                  "python-holidays leaves some national dates out of these subdivisions (a state that does not "
                  "keep a federal holiday, a state with its own weekend or substitute rule); the calendar still "
                  f"applies every national holiday everywhere. Number of dates {FIRST_YEAR}-{LAST_YEAR}:", ""]
        lines += [f"- {country}: " + ", ".join(f"{code} ({n})" for code, n in sorted(lacking.items()))
                  for country, lacking in sorted(notes.items())]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def cell(days, names):
    return "<br>".join(f"{day.isoformat()} {names[day]}".replace("|", "/") for day in days)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([v.isoformat() if isinstance(v, date) else v for v in row] for row in rows)


def main():
    checkout, resources, crosscheck_csv, report = sys.argv[1:5]
    holidays, version, work = load_python_holidays(checkout)
    try:
        commit = commit_of(checkout)
        countries = mapped_countries(resources)
        crosscheck_rows, crosscheck_sources = read_crosscheck(crosscheck_csv)
        rows, corrections, notes = generate_holidays(holidays, countries, crosscheck_rows)
        write_csv(Path(resources) / "holidays.csv", ["country", "subdivision", "date", "name", "source"], rows)
        periods = soft_periods(holidays, version)
        write_csv(Path(resources) / "soft-periods.csv", ["country", "start", "end", "name", "source"], periods)
        (Path(resources) / "holidays-source.txt").write_text(
            f"python-holidays {version}\ncommit {commit}\nyears {FIRST_YEAR}-{LAST_YEAR}\n", encoding="utf-8")
        write_report(report, rows, crosscheck_rows, crosscheck_sources, countries, commit, version, corrections,
                     notes)
        print(f"python-holidays {version} ({commit}): {len(rows)} holidays, {len(periods)} soft periods, "
              f"{len(corrections)} corrections, {len(countries)} countries")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
