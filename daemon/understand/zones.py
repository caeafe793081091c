"""Time-zone names as people and mail tools write them, mapped to tzinfo.

A US abbreviation names a region, not an offset: "EST" written in May means the
wall clock in New York, so every US abbreviation maps to the region's IANA zone
and the offset in force comes from tzdata. Written offsets ("UTC-5", "GMT+5:30")
are fixed and have no IANA key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from daemon.understand import patterns


@dataclass(frozen=True)
class Zone:
    tz: tzinfo
    key: str | None  # IANA key, None for a bare offset


@lru_cache(maxsize=256)
def iana(key: str) -> Zone | None:
    try:
        return Zone(ZoneInfo(key), key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def fixed(minutes: int) -> Zone:
    if minutes == 0:
        return Zone(UTC, "UTC")
    return Zone(timezone(timedelta(minutes=minutes)), None)


_NY, _CHI, _DEN, _LA = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"

#: abbreviations that are safe next to a clock time; "CT" and "IST" are ambiguous
#: in prose (Connecticut, Israel) but not directly after "3:00 PM"
ABBREVIATIONS: dict[str, str] = {
    "ET": _NY,
    "EST": _NY,
    "EDT": _NY,
    "CT": _CHI,
    "CST": _CHI,
    "CDT": _CHI,
    "MT": _DEN,
    "MST": _DEN,
    "MDT": _DEN,
    "PT": _LA,
    "PST": _LA,
    "PDT": _LA,
    "AKST": "America/Anchorage",
    "AKDT": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    # Chamorro Standard Time (Guam, the Northern Marianas), written both ways
    "ChST": "Pacific/Guam",
    "CHST": "Pacific/Guam",
    "AST": "America/Halifax",
    "ADT": "America/Halifax",
    "NST": "America/St_Johns",
    "NDT": "America/St_Johns",
    # Canadian French: heure normale / avancée de l'Est, du Centre, du Pacifique
    "HNE": _NY,
    "HAE": _NY,
    "HNC": _CHI,
    "HAC": _CHI,
    "HNP": _LA,
    "HAP": _LA,
    "GMT": "GMT",
    "UTC": "UTC",
    "Z": "UTC",
    "BST": "Europe/London",
    "WET": "WET",
    "WEST": "WET",
    "CET": "CET",
    "CEST": "CET",
    "MEZ": "CET",
    "MESZ": "CET",
    "EET": "EET",
    "EEST": "EET",
    "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide",
    "AWST": "Australia/Perth",
    "WST": "Australia/Perth",  # as Western Australians write it (Samoa's own abbreviation is WSST)
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
    "BRT": "America/Sao_Paulo",
    "MSK": "Europe/Moscow",
    "PKT": "Asia/Karachi",
    # Africa, the Gulf and South America as recruiters there write them; "GST" is the Gulf's
    # (+04), the only reading seen next to a clock in mail, and "AST" stays Atlantic unless the
    # message speaks of the Gulf (see ``CONTEXT_READINGS``)
    "WAT": "Africa/Lagos",
    "CAT": "Africa/Maputo",
    "EAT": "Africa/Nairobi",
    "SAST": "Africa/Johannesburg",
    "GST": "Asia/Dubai",
    "KSA": "Asia/Riyadh",
    "UAE": "Asia/Dubai",
    "CLT": "America/Santiago",
    "CLST": "America/Santiago",
    "ART": "America/Argentina/Buenos_Aires",
    "COT": "America/Bogota",
    "PET": "America/Lima",
    "ICT": "Asia/Bangkok",
    "WIB": "Asia/Jakarta",
    "PHT": "Asia/Manila",
}

#: abbreviations that name another region's clock when the message speaks of that region:
#: "AST" is Arabia Standard Time (+03) in mail about the Gulf, "EET"/"EEST" are Egypt's clock
#: (its own summer-time dates since 2023) in mail about Egypt, "CST" is China Standard Time in
#: mail naming a Chinese city and no US Central place. abbreviation -> (IANA key, the region's
#: words, words that keep the usual reading)
_W = r"\b(?:{})\b"
CONTEXT_READINGS: dict[str, tuple[str, re.Pattern[str], re.Pattern[str] | None]] = {}
_GULF = patterns.compile(
    _W.format(
        r"saudi|ksa|riyadh|jeddah|dammam|dubai|abu\s+dhabi|sharjah|uae|emirates|qatar|doha|kuwait|bahrain"
        r"|manama|oman|muscat|gulf|gcc|iraq|baghdad|arabia"
    ),
    re.IGNORECASE,
)
_EGYPT = patterns.compile(_W.format(r"egypt|egyptian|cairo|giza|alexandria"), re.IGNORECASE)
# cities only: "fluent in Chinese" or "our China team" in a US mail leave "CST" Central
_CHINA = patterns.compile(_W.format(r"beijing|shanghai|shenzhen|guangzhou|hangzhou|chengdu"), re.IGNORECASE)
_US_CENTRAL = patterns.compile(
    _W.format(r"chicago|dallas|houston|austin|texas|minneapolis|central\s+time|us\s+central|cdt|ct"), re.IGNORECASE
)
CONTEXT_READINGS["AST"] = ("Asia/Riyadh", _GULF, None)
CONTEXT_READINGS["EET"] = ("Africa/Cairo", _EGYPT, None)
CONTEXT_READINGS["EEST"] = ("Africa/Cairo", _EGYPT, None)
CONTEXT_READINGS["CST"] = ("Asia/Shanghai", _CHINA, _US_CENTRAL)


def context_reading(abbr: str, text: str) -> Zone | None:
    """The reading of ``abbr`` that the message's subject matter calls for, if any."""
    rule = CONTEXT_READINGS.get(abbr)
    if rule is None:
        return None
    key, yes, no = rule
    if yes.search(text) is None or (no is not None and no.search(text) is not None):
        return None
    return iana(key)


#: region words before "Time" ("Eastern Time", "Pacific Standard Time", "Central European Time")
REGIONS: dict[str, str] = {
    "eastern": _NY,
    "central": _CHI,
    "mountain": _DEN,
    "pacific": _LA,
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "atlantic": "America/Halifax",
    "central european": "CET",
    "central europe": "CET",
    "western european": "WET",
    "eastern european": "EET",
    "british": "Europe/London",
    "greenwich mean": "GMT",
    "greenwich": "GMT",
    "coordinated universal": "UTC",
    "universal": "UTC",
    "india": "Asia/Kolkata",
    "indian": "Asia/Kolkata",
    "singapore": "Asia/Singapore",
    "japan": "Asia/Tokyo",
    "china": "Asia/Shanghai",
    "korea": "Asia/Seoul",
    "australian eastern": "Australia/Sydney",
    "aus eastern": "Australia/Sydney",
    "new zealand": "Pacific/Auckland",
    "israel": "Asia/Jerusalem",
    # Windows names: "Arab Standard Time" is Riyadh (+03), "Arabian Standard Time" Dubai (+04),
    # "Arabic Standard Time" Baghdad (+03); "Arabia Standard Time" is what people call +03
    "arabian": "Asia/Dubai",
    "arab": "Asia/Riyadh",
    "arabic": "Asia/Baghdad",
    "arabia": "Asia/Riyadh",
    "gulf": "Asia/Dubai",
    "saudi": "Asia/Riyadh",
    "saudi arabia": "Asia/Riyadh",
    "ksa": "Asia/Riyadh",
    "qatar": "Asia/Qatar",
    "kuwait": "Asia/Kuwait",
    "bahrain": "Asia/Bahrain",
    "oman": "Asia/Muscat",
    "egypt": "Africa/Cairo",
    "egyptian": "Africa/Cairo",
    "west africa": "Africa/Lagos",
    "west african": "Africa/Lagos",
    "east africa": "Africa/Nairobi",
    "east african": "Africa/Nairobi",
    "central africa": "Africa/Maputo",
    "central african": "Africa/Maputo",
    "south africa": "Africa/Johannesburg",
    "south african": "Africa/Johannesburg",
    "south african standard": "Africa/Johannesburg",
    "nigeria": "Africa/Lagos",
    "nigerian": "Africa/Lagos",
    "kenya": "Africa/Nairobi",
    "chile": "America/Santiago",
    "chilean": "America/Santiago",
    "argentina": "America/Argentina/Buenos_Aires",
    "colombia": "America/Bogota",
    "peru": "America/Lima",
    "brasilia": "America/Sao_Paulo",
    "brazil": "America/Sao_Paulo",
    "turkey": "Europe/Istanbul",
    "turkish": "Europe/Istanbul",
    "pakistan": "Asia/Karachi",
    "moscow": "Europe/Moscow",
    # a country's clock as people write it: "UK time", "German time", "India time"
    "uk": "Europe/London",
    "u.k.": "Europe/London",
    "britain": "Europe/London",
    "irish": "Europe/Dublin",
    "ireland": "Europe/Dublin",
    "german": "Europe/Berlin",
    "germany": "Europe/Berlin",
    "french": "Europe/Paris",
    "france": "Europe/Paris",
    "dutch": "Europe/Amsterdam",
    "netherlands": "Europe/Amsterdam",
    "spanish": "Europe/Madrid",
    "spain": "Europe/Madrid",
    "italian": "Europe/Rome",
    "italy": "Europe/Rome",
    "swiss": "Europe/Zurich",
    "switzerland": "Europe/Zurich",
    "austrian": "Europe/Vienna",
    "austria": "Europe/Vienna",
    "swedish": "Europe/Stockholm",
    "sweden": "Europe/Stockholm",
    "polish": "Europe/Warsaw",
    "poland": "Europe/Warsaw",
    "portugal": "Europe/Lisbon",
    "portuguese": "Europe/Lisbon",
    "norway": "Europe/Oslo",
    "norwegian": "Europe/Oslo",
    "denmark": "Europe/Copenhagen",
    "danish": "Europe/Copenhagen",
    "finland": "Europe/Helsinki",
    "finnish": "Europe/Helsinki",
    "belgium": "Europe/Brussels",
    "belgian": "Europe/Brussels",
    "sri lanka": "Asia/Colombo",
    "philippine": "Asia/Manila",
    "philippines": "Asia/Manila",
    "hong kong": "Asia/Hong_Kong",
    "uae": "Asia/Dubai",
    "nz": "Pacific/Auckland",
    "n.z.": "Pacific/Auckland",
    # provinces and states whose clocks differ from their neighbours' ("Saskatchewan time" stays
    # on CST all year; Queensland keeps no summer time while Sydney does)
    "saskatchewan": "America/Regina",
    "newfoundland": "America/St_Johns",
    "nova scotia": "America/Halifax",
    "alberta": "America/Edmonton",
    "british columbia": "America/Vancouver",
    "ontario": "America/Toronto",
    "quebec": "America/Toronto",
    "québec": "America/Toronto",
    "manitoba": "America/Winnipeg",
    "yukon": "America/Whitehorse",
    "queensland": "Australia/Brisbane",
    "western australia": "Australia/Perth",
    "south australia": "Australia/Adelaide",
    "northern territory": "Australia/Darwin",
}

#: cities that Zoom, Outlook and Google write as the zone ("Mumbai, Kolkata, New Delhi")
CITIES: dict[str, str] = {
    "mumbai": "Asia/Kolkata",
    "kolkata": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "chennai": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "london": "Europe/London",
    "edinburgh": "Europe/London",
    "dublin": "Europe/Dublin",
    "lisbon": "Europe/Lisbon",
    "berlin": "Europe/Berlin",
    "amsterdam": "Europe/Amsterdam",
    "paris": "Europe/Paris",
    "madrid": "Europe/Madrid",
    "rome": "Europe/Rome",
    "stockholm": "Europe/Stockholm",
    "vienna": "Europe/Vienna",
    "brussels": "Europe/Brussels",
    "copenhagen": "Europe/Copenhagen",
    "oslo": "Europe/Oslo",
    "budapest": "Europe/Budapest",
    "bucharest": "Europe/Bucharest",
    "sofia": "Europe/Sofia",
    "tallinn": "Europe/Tallinn",
    "riga": "Europe/Riga",
    "vilnius": "Europe/Vilnius",
    "belgrade": "Europe/Belgrade",
    "zagreb": "Europe/Zagreb",
    "ljubljana": "Europe/Ljubljana",
    "bratislava": "Europe/Bratislava",
    "luxembourg": "Europe/Luxembourg",
    "zurich": "Europe/Zurich",
    "bern": "Europe/Zurich",
    "warsaw": "Europe/Warsaw",
    "prague": "Europe/Prague",
    "athens": "Europe/Athens",
    "helsinki": "Europe/Helsinki",
    "istanbul": "Europe/Istanbul",
    "moscow": "Europe/Moscow",
    "dubai": "Asia/Dubai",
    "abu dhabi": "Asia/Dubai",
    "riyadh": "Asia/Riyadh",
    "jeddah": "Asia/Riyadh",
    "doha": "Asia/Qatar",
    "kuwait city": "Asia/Kuwait",
    "manama": "Asia/Bahrain",
    "muscat": "Asia/Muscat",
    "baghdad": "Asia/Baghdad",
    "cairo": "Africa/Cairo",
    "lagos": "Africa/Lagos",
    "nairobi": "Africa/Nairobi",
    "johannesburg": "Africa/Johannesburg",
    "cape town": "Africa/Johannesburg",
    "casablanca": "Africa/Casablanca",
    "santiago": "America/Santiago",
    "buenos aires": "America/Argentina/Buenos_Aires",
    "bogota": "America/Bogota",
    "bogotá": "America/Bogota",
    "lima": "America/Lima",
    "guadalajara": "America/Mexico_City",
    "monterrey": "America/Monterrey",
    "karachi": "Asia/Karachi",
    "singapore": "Asia/Singapore",
    "kuala lumpur": "Asia/Kuala_Lumpur",
    "hong kong": "Asia/Hong_Kong",
    "beijing": "Asia/Shanghai",
    "shanghai": "Asia/Shanghai",
    "tokyo": "Asia/Tokyo",
    "osaka": "Asia/Tokyo",
    "seoul": "Asia/Seoul",
    "sydney": "Australia/Sydney",
    "melbourne": "Australia/Melbourne",
    "canberra": "Australia/Sydney",
    "brisbane": "Australia/Brisbane",
    "perth": "Australia/Perth",
    "auckland": "Pacific/Auckland",
    "los angeles": _LA,
    "san francisco": _LA,
    "seattle": _LA,
    "vancouver": "America/Vancouver",
    "denver": _DEN,
    "phoenix": "America/Phoenix",
    "arizona": "America/Phoenix",
    "chicago": _CHI,
    "new york": _NY,
    "toronto": "America/Toronto",
    "boston": _NY,
    "sao paulo": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo",
    "mexico city": "America/Mexico_City",
    "jerusalem": "Asia/Jerusalem",
    "tel aviv": "Asia/Jerusalem",
    # capitals and large cities that name no street, bank or person as well (Adelaide, Halifax,
    # Wellington and Darwin do, and stay out)
    "manila": "Asia/Manila",
    "quezon city": "Asia/Manila",
    "cebu": "Asia/Manila",
    "jakarta": "Asia/Jakarta",
    "bangkok": "Asia/Bangkok",
    "ho chi minh city": "Asia/Ho_Chi_Minh",
    "hanoi": "Asia/Bangkok",
    "taipei": "Asia/Taipei",
    "colombo": "Asia/Colombo",
    "dhaka": "Asia/Dhaka",
    "kathmandu": "Asia/Kathmandu",
    "islamabad": "Asia/Karachi",
    "lahore": "Asia/Karachi",
    "accra": "Africa/Accra",
    "addis ababa": "Africa/Addis_Ababa",
    "kampala": "Africa/Kampala",
    "kigali": "Africa/Kigali",
    "dar es salaam": "Africa/Dar_es_Salaam",
    "tunis": "Africa/Tunis",
    "amman": "Asia/Amman",
    "beirut": "Asia/Beirut",
    "tehran": "Asia/Tehran",
    "almaty": "Asia/Almaty",
    "tashkent": "Asia/Tashkent",
    "honolulu": "Pacific/Honolulu",
    "anchorage": "America/Anchorage",
    "calgary": "America/Edmonton",
    "edmonton": "America/Edmonton",
    "winnipeg": "America/Winnipeg",
}

_PROBES = (datetime(2025, 1, 15, 12), datetime(2025, 7, 15, 12))


def _standard(z: Zone) -> set[timedelta | None]:
    out: set[timedelta | None] = set()
    for d in _PROBES:
        off, dst = z.tz.utcoffset(d), z.tz.dst(d)
        out.add(off - dst if off is not None and dst is not None else off)
    return out


def same_standard(a: Zone, b: Zone) -> bool:
    """Do two zones keep the same standard offset (Sydney and Brisbane, EET and Cairo), so that
    one may be the other said more exactly? CET and London do not."""
    return _standard(a) == _standard(b)


_OFFSET = patterns.compile(r"^(?:utc|gmt)\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


def parse_offset(text: str) -> Zone | None:
    """ "UTC-5", "GMT+05:30", "UTC−8" → a fixed offset."""
    m = _OFFSET.match(text.strip())
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    total = hours * 60 + minutes
    return fixed(-total if m.group(1) != "+" else total)


def lookup(name: str) -> Zone | None:
    """A zone from an abbreviation, a region name, a city list, an offset or an IANA key."""
    text = name.strip().strip("()").strip()
    if not text:
        return None
    upper = text.upper()
    if upper in ABBREVIATIONS:
        return iana(ABBREVIATIONS[upper])
    if "/" in text:
        return iana(text.replace(" ", "_"))
    off = parse_offset(text)
    if off is not None:
        return off
    low = text.lower()
    for city, key in CITIES.items():
        if low.startswith(city):
            return iana(key)
    low = re.sub(r"\s+(?:standard|daylight|summer)?\s*time\b.*$", "", low)
    region = REGIONS.get(low.strip())
    return iana(region) if region else None
