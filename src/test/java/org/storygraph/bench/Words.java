package org.storygraph.bench;

import java.util.SplittableRandom;

/** Word lists of the synthetic corpus. */
final class Words {

    private Words() {
    }

    static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }

    static final String[] FIRST = {"Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
        "Kemi", "Lars", "Maya", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei",
        "Ximena", "Yusuf", "Zoe", "Amir", "Bianca", "Chen", "Dmitri", "Esther", "Felix", "Gita", "Hannah", "Ivan",
        "Julia", "Kofi", "Lena", "Marco", "Nadia", "Oscar", "Priya", "Rahul", "Sofia", "Tomas", "Uma", "Viktor"};
    static final String[] LAST = {"Almeida", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Haddad", "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quintero",
        "Rossi", "Schmidt", "Tanaka", "Uddin", "Vasquez", "Weber", "Xu", "Yilmaz", "Zhang", "Abara", "Bauer", "Costa",
        "Delgado", "Engel", "Ferreira", "Gupta", "Horvat", "Iqbal", "Jovanovic", "Kim", "Larsen", "Mendes", "Novak"};
    static final String[] ORG_PREFIX = {"Acme", "Borealis", "Cobalt", "Delta", "Evergreen", "Falcon", "Granite",
        "Helix", "Ionix", "Juniper", "Keystone", "Lumen", "Meridian", "Nimbus", "Orion", "Pinnacle", "Quantum",
        "Redwood", "Summit", "Titan", "Unity", "Vertex", "Westbrook", "Zenith", "Atlas", "Beacon", "Crescent",
        "Horizon", "Polaris", "Sterling", "Cascade", "Northwind", "Silverline", "Bluewater", "Ironclad", "Aurora"};
    static final String[] ORG_KIND = {"Motors", "Bank", "Airlines", "Pharma", "Energy", "Telecom", "Foods",
        "Robotics", "Insurance", "Capital", "Labs", "Mining", "Steel", "Logistics", "Media", "Games", "Biotech",
        "Semiconductors", "Retail", "Health", "Ministry", "Council", "University", "Union", "Party", "Agency"};
    static final String[] PLACES = {"Berlin", "Lagos", "Toronto", "Sydney", "Mumbai", "Sao Paulo", "Nairobi",
        "Seoul", "Madrid", "Chicago", "Jakarta", "Cairo", "Warsaw", "Osaka", "Lima", "Dublin", "Manila", "Oslo",
        "Houston", "Istanbul", "Bogota", "Hanoi", "Vienna", "Accra", "Denver", "Lisbon", "Karachi", "Quebec",
        "Brussels", "Santiago", "Auckland", "Glasgow", "Tunis", "Prague", "Kyiv", "Riyadh", "Montevideo", "Perth"};
    static final String[] ACTIONS = {"recalls", "launches", "cancels", "delays", "expands", "suspends", "approves",
        "bans", "acquires", "sells", "cuts", "raises", "unveils", "halts", "probes", "fines", "restructures",
        "closes", "opens", "sues", "settles", "freezes", "doubles", "scraps", "revives", "backs", "blocks"};
    static final String[] OBJECTS = {"electric trucks", "its flagship phone", "a new vaccine", "offshore wind farm",
        "the merger", "10,000 jobs", "the price cap", "facial recognition", "a climate bill", "its crypto exchange",
        "the stadium deal", "rail strike talks", "a satellite network", "drug prices", "the port expansion",
        "bank bonuses", "the data centre", "tariffs on steel", "its streaming service", "a cancer trial",
        "the housing plan", "water rationing", "the airline subsidy", "a chip factory", "the transit fare",
        "school closures", "the pension reform", "a lithium mine", "heat pump grants", "the film festival"};
    static final String[] CONTEXTS = {"a safety review", "record losses", "rising inflation", "protests",
        "a court ruling", "supply shortages", "an election campaign", "pressure from regulators", "a cyber attack",
        "investor anger", "a heatwave", "strike threats", "a rival's bid", "new sanctions", "a data leak"};
    static final String[] WHEN = {"days after", "weeks after", "hours after", "despite", "following", "amid"};
    static final String[] TOPICS = {"Politics", "Business", "Technology", "AI", "Climate", "Health", "Science",
        "Sport", "Culture", "Energy", "Finance", "Transport", "Education", "Crime", "Housing", "Labour",
        "Trade", "Space", "Automotive", "Telecoms", "Media", "Gaming", "Agriculture", "Defence", "Diplomacy",
        "Environment", "Retail", "Travel", "Weather", "Courts", "Elections", "Banking", "Cybersecurity",
        "Semiconductors", "Biotech", "Mining", "Aviation", "Shipping", "Real estate", "Food"};
    static final String[] OUTLET_PLACES = {"Northern", "Southern", "Eastern", "Western", "Central", "Coastal",
        "Metro", "Valley", "Capital", "Harbour", "Lakeside", "Highland", "Riverside", "Prairie", "Island", "Desert",
        "Mountain", "Bay", "City", "County", "National", "Global", "Daily", "Evening", "Morning", "Weekly",
        "Pacific", "Atlantic", "Baltic", "Alpine", "Delta", "Frontier", "Union", "Liberty", "Heritage", "Summit"};
    static final String[] OUTLET_KINDS = {"Times", "Herald", "Post", "Gazette", "Chronicle", "Tribune", "Observer",
        "Courier", "Ledger", "Journal", "Standard", "Express", "Mirror", "Sentinel", "Examiner", "Record", "News",
        "Wire", "Review", "Bulletin", "Dispatch", "Monitor", "Insider", "Report", "Beacon", "Register", "Star"};
    static final String[] SECTIONS = {"news", "business", "world", "tech", "politics", "science", "sport", "culture"};
    static final String[] QUALIFIERS = {"new", "planned", "disputed", "long-delayed", "controversial", "regional",
        "national", "flagship", "pilot", "second", "northern", "southern", "secret", "cross-border", "troubled",
        "landmark", "much-criticised", "temporary", "proposed", "$2bn", "record", "rival", "joint", "state-backed"};
    static final String[] AFFECTED = {"workers", "residents", "families", "commuters", "patients", "students",
        "shareholders", "farmers", "small businesses", "pensioners", "customers", "teachers", "drivers", "tenants"};
    static final String[] LATER = {"next week", "on Monday", "within days", "by the end of the month", "in the spring",
        "after the summer", "later this year", "on Friday"};
}
