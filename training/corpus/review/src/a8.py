from dsl import *
S("voa-8009714", "2025-03-13")
none(3, 8, 13, 20, 29, 31, 32, 34, 38, 40, 41, 42, 45, 48, 49, 53)
ev(33, "COERCE", "deport", "has made that determination", X("Rubio", "USA", "GOV"), X("Khalil", "PSE", "CVL", occ=1), date="2025-03")
