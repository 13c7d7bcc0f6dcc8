"""Real Spanish, French and German translations of the speed corpus's translation units.

Why: the benchmarks fill catalogs with pseudo-translations (``[es] <English text>``), so
the checker reads English as Spanish, French or German and floods the report with false
readability, jargon and rare-word findings.  ``translate(text, locale)`` turns any unit
that ``bench/speed.py``'s generator produces (title, description, heading, paragraph,
list item) into fluent-enough target text, deterministically and offline: every entry
of the generator's phrase lists has a translation here, and the English text is read
back with regexes built from the same lists (whole units, then sentences, then known
phrases, longest first).  Numbers and units are kept, decimals take the locale's comma
(which the translation checks read per locale), and inline Markdown (emphasis, links,
code, citation markers) is kept.

Usage: python bench/scale_translations.py [--articles 200] [--words 500] [--seed 7]
builds a corpus, extracts its units, translates them into es, fr and de, and reports
how many translations still contain English, the checker's translation-QA findings on
them, words its word lists do not know, samples, and the time taken.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import Formatter

import polib
from speed import (  # bench/speed.py: the phrase lists of the corpus
    CLAUSES,
    FIXED,
    LIST_ITEMS,
    OBJECTS,
    SECTIONS,
    SUBJECTS,
    TITLES,
    TOPICS,
    VERBS,
)

from checker.config import Config
from checker.i18n.catalog import read_catalog
from checker.i18n.qa import links, markup, numbers
from checker.plain.jargon import DEFAULT_RARE_ZIPF, JargonFinder, finder_for
from checker.plain.lexicon import lexicon_for
from checker.rules.translation import check_catalog

LOCALES = ("es", "fr", "de")
#: The sentence openers of ``ArticleWriter.sentence`` (written inline there).
OPENERS = ("However, ", "In some cases, ", "For example, ", "Over time, ")

Forms = dict[str, str]

# -- topic words ------------------------------------------------------------------------------
# Spanish genders: m, f, fa (feminine taking "el": el asma), mp, fp.  French: m, f, mp, fp
# (elision before a vowel or a mute h is worked out).  German forms are written out.

_ES_CONDITIONS: dict[str, tuple[str, str]] = {
    "high blood pressure": ("presión arterial alta", "f"),
    "type 2 diabetes": ("diabetes tipo 2", "f"),
    "asthma": ("asma", "fa"),
    "migraine": ("migraña", "f"),
    "osteoarthritis": ("artrosis", "f"),
    "depression": ("depresión", "f"),
    "atrial fibrillation": ("fibrilación auricular", "f"),
    "chronic kidney disease": ("enfermedad crónica de los riñones", "f"),
    "psoriasis": ("psoriasis", "f"),
    "hypothyroidism": ("hipotiroidismo", "m"),
    "gout": ("gota", "f"),
    "COPD": ("EPOC", "f"),
    "anaemia": ("anemia", "f"),
    "urinary tract infection": ("infección urinaria", "f"),
    "high cholesterol": ("colesterol alto", "m"),
    "eczema": ("eccema", "m"),
    "acid reflux": ("reflujo ácido", "m"),
    "osteoporosis": ("osteoporosis", "f"),
}
_FR_CONDITIONS: dict[str, tuple[str, str]] = {
    "high blood pressure": ("tension élevée", "f"),
    "type 2 diabetes": ("diabète de type 2", "m"),
    "asthma": ("asthme", "m"),
    "migraine": ("migraine", "f"),
    "osteoarthritis": ("arthrose", "f"),
    "depression": ("dépression", "f"),
    "atrial fibrillation": ("fibrillation auriculaire", "f"),
    "chronic kidney disease": ("maladie chronique des reins", "f"),
    "psoriasis": ("psoriasis", "m"),
    "hypothyroidism": ("hypothyroïdie", "f"),
    "gout": ("goutte", "f"),
    "COPD": ("BPCO", "f"),
    "anaemia": ("anémie", "f"),
    "urinary tract infection": ("infection urinaire", "f"),
    "high cholesterol": ("cholestérol élevé", "m"),
    "eczema": ("eczéma", "m"),
    "acid reflux": ("reflux acide", "m"),
    "osteoporosis": ("ostéoporose", "f"),
}
#: (nominative without article, dative after "mit"/"von", nominative after "Was ist")
_DE_CONDITIONS: dict[str, tuple[str, str, str]] = {
    "high blood pressure": ("Bluthochdruck", "Bluthochdruck", "Bluthochdruck"),
    "type 2 diabetes": ("Typ-2-Diabetes", "Typ-2-Diabetes", "Typ-2-Diabetes"),
    "asthma": ("Asthma", "Asthma", "Asthma"),
    "migraine": ("Migräne", "Migräne", "Migräne"),
    "osteoarthritis": ("Arthrose", "Arthrose", "Arthrose"),
    "depression": ("Depressionen", "Depressionen", "eine Depression"),
    "atrial fibrillation": ("Vorhofflimmern", "Vorhofflimmern", "Vorhofflimmern"),
    "chronic kidney disease": (
        "chronische Erkrankung der Nieren",
        "einer chronischen Erkrankung der Nieren",
        "eine chronische Erkrankung der Nieren",
    ),
    "psoriasis": ("Schuppenflechte", "Schuppenflechte", "Schuppenflechte"),
    "hypothyroidism": (
        "Schilddrüsenunterfunktion",
        "einer Schilddrüsenunterfunktion",
        "eine Schilddrüsenunterfunktion",
    ),
    "gout": ("Gicht", "Gicht", "Gicht"),
    "COPD": ("COPD", "COPD", "COPD"),
    "anaemia": ("Blutarmut", "Blutarmut", "Blutarmut"),
    "urinary tract infection": (
        "Blasenentzündung",
        "einer Blasenentzündung",
        "eine Blasenentzündung",
    ),
    "high cholesterol": ("hohes Cholesterin", "hohem Cholesterin", "hohes Cholesterin"),
    "eczema": ("Ekzeme", "Ekzemen", "ein Ekzem"),
    "acid reflux": ("Sodbrennen", "Sodbrennen", "Sodbrennen"),
    "osteoporosis": ("Osteoporose", "Osteoporose", "Osteoporose"),
}

_ES_BODY: dict[str, tuple[str, str]] = {
    "heart": ("corazón", "m"),
    "pancreas": ("páncreas", "m"),
    "lungs": ("pulmones", "mp"),
    "brain": ("cerebro", "m"),
    "knee": ("rodilla", "f"),
    "mind": ("mente", "f"),
    "kidneys": ("riñones", "mp"),
    "skin": ("piel", "f"),
    "thyroid gland": ("glándula tiroides", "f"),
    "big toe": ("dedo gordo del pie", "m"),
    "airways": ("vías respiratorias", "fp"),
    "blood": ("sangre", "f"),
    "bladder": ("vejiga", "f"),
    "arteries": ("arterias", "fp"),
    "stomach": ("estómago", "m"),
    "bones": ("huesos", "mp"),
}
_FR_BODY: dict[str, tuple[str, str]] = {
    "heart": ("cœur", "m"),
    "pancreas": ("pancréas", "m"),
    "lungs": ("poumons", "mp"),
    "brain": ("cerveau", "m"),
    "knee": ("genou", "m"),
    "mind": ("esprit", "m"),
    "kidneys": ("reins", "mp"),
    "skin": ("peau", "f"),
    "thyroid gland": ("glande thyroïde", "f"),
    "big toe": ("gros orteil", "m"),
    "airways": ("voies respiratoires", "fp"),
    "blood": ("sang", "m"),
    "bladder": ("vessie", "f"),
    "arteries": ("artères", "fp"),
    "stomach": ("estomac", "m"),
    "bones": ("os", "mp"),
}
#: (bare, accusative with article, genitive with article, "in" + dative)
_DE_BODY: dict[str, tuple[str, str, str, str]] = {
    "heart": ("Herz", "das Herz", "des Herzens", "im Herzen"),
    "pancreas": (
        "Bauchspeicheldrüse",
        "die Bauchspeicheldrüse",
        "der Bauchspeicheldrüse",
        "in der Bauchspeicheldrüse",
    ),
    "lungs": ("Lunge", "die Lunge", "der Lunge", "in der Lunge"),
    "brain": ("Gehirn", "das Gehirn", "des Gehirns", "im Gehirn"),
    "knee": ("Knie", "das Knie", "des Knies", "im Knie"),
    "mind": ("Psyche", "die Psyche", "der Psyche", "in der Psyche"),
    "kidneys": ("Nieren", "die Nieren", "der Nieren", "in den Nieren"),
    "skin": ("Haut", "die Haut", "der Haut", "in der Haut"),
    "thyroid gland": ("Schilddrüse", "die Schilddrüse", "der Schilddrüse", "in der Schilddrüse"),
    "big toe": ("großer Zeh", "den großen Zeh", "des großen Zehs", "im großen Zeh"),
    "airways": ("Atemwege", "die Atemwege", "der Atemwege", "in den Atemwegen"),
    "blood": ("Blut", "das Blut", "des Blutes", "im Blut"),
    "bladder": ("Harnblase", "die Harnblase", "der Harnblase", "in der Harnblase"),
    "arteries": ("Arterien", "die Arterien", "der Arterien", "in den Arterien"),
    "stomach": ("Magen", "den Magen", "des Magens", "im Magen"),
    "bones": ("Knochen", "die Knochen", "der Knochen", "in den Knochen"),
}

_ES_MEDICINES: dict[str, tuple[str, str]] = {
    "amlodipine": ("amlodipino", "m"),
    "metformin": ("metformina", "f"),
    "salbutamol": ("salbutamol", "m"),
    "sumatriptan": ("sumatriptán", "m"),
    "paracetamol": ("paracetamol", "m"),
    "sertraline": ("sertralina", "f"),
    "apixaban": ("apixabán", "m"),
    "ramipril": ("ramipril", "m"),
    "methotrexate": ("metotrexato", "m"),
    "levothyroxine": ("levotiroxina", "f"),
    "allopurinol": ("alopurinol", "m"),
    "tiotropium": ("tiotropio", "m"),
    "ferrous sulfate": ("sulfato ferroso", "m"),
    "nitrofurantoin": ("nitrofurantoína", "f"),
    "atorvastatin": ("atorvastatina", "f"),
    "hydrocortisone cream": ("crema de hidrocortisona", "f"),
    "omeprazole": ("omeprazol", "m"),
    "alendronic acid": ("ácido alendrónico", "m"),
}
_FR_MEDICINES: dict[str, tuple[str, str]] = {
    "amlodipine": ("amlodipine", "f"),
    "metformin": ("metformine", "f"),
    "salbutamol": ("salbutamol", "m"),
    "sumatriptan": ("sumatriptan", "m"),
    "paracetamol": ("paracétamol", "m"),
    "sertraline": ("sertraline", "f"),
    "apixaban": ("apixaban", "m"),
    "ramipril": ("ramipril", "m"),
    "methotrexate": ("méthotrexate", "m"),
    "levothyroxine": ("lévothyroxine", "f"),
    "allopurinol": ("allopurinol", "m"),
    "tiotropium": ("tiotropium", "m"),
    "ferrous sulfate": ("sulfate ferreux", "m"),
    "nitrofurantoin": ("nitrofurantoïne", "f"),
    "atorvastatin": ("atorvastatine", "f"),
    "hydrocortisone cream": ("crème à l'hydrocortisone", "f"),
    "omeprazole": ("oméprazole", "m"),
    "alendronic acid": ("acide alendronique", "m"),
}
_DE_MEDICINES: dict[str, str] = {
    "amlodipine": "Amlodipin",
    "metformin": "Metformin",
    "salbutamol": "Salbutamol",
    "sumatriptan": "Sumatriptan",
    "paracetamol": "Paracetamol",
    "sertraline": "Sertralin",
    "apixaban": "Apixaban",
    "ramipril": "Ramipril",
    "methotrexate": "Methotrexat",
    "levothyroxine": "Levothyroxin",
    "allopurinol": "Allopurinol",
    "tiotropium": "Tiotropium",
    "ferrous sulfate": "Eisensulfat",
    "nitrofurantoin": "Nitrofurantoin",
    "atorvastatin": "Atorvastatin",
    "hydrocortisone cream": "Hydrocortisoncreme",
    "omeprazole": "Omeprazol",
    "alendronic acid": "Alendronsäure",
}

_ES_TESTS: dict[str, tuple[str, str]] = {
    "blood pressure reading": ("medición de la presión arterial", "f"),
    "HbA1c test": ("prueba de HbA1c", "f"),
    "peak flow test": ("prueba de respiración", "f"),
    "neurological examination": ("exploración neurológica", "f"),
    "X-ray": ("radiografía", "f"),
    "mood questionnaire": ("cuestionario sobre el estado de ánimo", "m"),
    "ECG": ("electrocardiograma", "m"),
    "eGFR blood test": ("análisis de sangre para los riñones", "m"),
    "skin biopsy": ("biopsia de piel", "f"),
    "TSH test": ("análisis de TSH", "m"),
    "uric acid test": ("análisis de ácido úrico", "m"),
    "spirometry": ("espirometría", "f"),
    "full blood count": ("análisis de sangre completo", "m"),
    "urine test": ("análisis de orina", "m"),
    "lipid profile": ("análisis del colesterol", "m"),
    "patch test": ("prueba de alergia en la piel", "f"),
    "endoscopy": ("endoscopia", "f"),
    "DEXA scan": ("medición de la densidad de los huesos", "f"),
}
_FR_TESTS: dict[str, tuple[str, str]] = {
    "blood pressure reading": ("mesure de la tension", "f"),
    "HbA1c test": ("dosage de l'HbA1c", "m"),
    "peak flow test": ("mesure du souffle", "f"),
    "neurological examination": ("examen neurologique", "m"),
    "X-ray": ("radiographie", "f"),
    "mood questionnaire": ("questionnaire sur l'humeur", "m"),
    "ECG": ("électrocardiogramme", "m"),
    "eGFR blood test": ("analyse de sang pour les reins", "f"),
    "skin biopsy": ("biopsie de la peau", "f"),
    "TSH test": ("dosage de la TSH", "m"),
    "uric acid test": ("dosage de l'acide urique", "m"),
    "spirometry": ("spirométrie", "f"),
    "full blood count": ("prise de sang complète", "f"),
    "urine test": ("analyse d'urine", "f"),
    "lipid profile": ("bilan du cholestérol", "m"),
    "patch test": ("test d'allergie sur la peau", "m"),
    "endoscopy": ("endoscopie", "f"),
    "DEXA scan": ("mesure de la densité des os", "f"),
}
#: (bare, nominative with "ein", accusative with "ein")
_DE_TESTS: dict[str, tuple[str, str, str]] = {
    "blood pressure reading": (
        "Blutdruckmessung",
        "eine Blutdruckmessung",
        "eine Blutdruckmessung",
    ),
    "HbA1c test": ("HbA1c-Test", "ein HbA1c-Test", "einen HbA1c-Test"),
    "peak flow test": (
        "Test der Atmung",
        "ein Test der Atmung",
        "einen Test der Atmung",
    ),
    "neurological examination": (
        "neurologische Untersuchung",
        "eine neurologische Untersuchung",
        "eine neurologische Untersuchung",
    ),
    "X-ray": ("Röntgenaufnahme", "eine Röntgenaufnahme", "eine Röntgenaufnahme"),
    "mood questionnaire": (
        "Fragebogen zur Stimmung",
        "ein Fragebogen zur Stimmung",
        "einen Fragebogen zur Stimmung",
    ),
    "ECG": ("EKG", "ein EKG", "ein EKG"),
    "eGFR blood test": (
        "Bluttest zur Nierenfunktion",
        "ein Bluttest zur Nierenfunktion",
        "einen Bluttest zur Nierenfunktion",
    ),
    "skin biopsy": ("Probe aus der Haut", "eine Probe aus der Haut", "eine Probe aus der Haut"),
    "TSH test": ("TSH-Test", "ein TSH-Test", "einen TSH-Test"),
    "uric acid test": (
        "Bluttest auf Harnsäure",
        "ein Bluttest auf Harnsäure",
        "einen Bluttest auf Harnsäure",
    ),
    "spirometry": (
        "Test der Lungenfunktion",
        "ein Test der Lungenfunktion",
        "einen Test der Lungenfunktion",
    ),
    "full blood count": ("großes Blutbild", "ein großes Blutbild", "ein großes Blutbild"),
    "urine test": ("Urintest", "ein Urintest", "einen Urintest"),
    "lipid profile": (
        "Bluttest auf Cholesterin",
        "ein Bluttest auf Cholesterin",
        "einen Bluttest auf Cholesterin",
    ),
    "patch test": ("Test auf Allergien", "ein Test auf Allergien", "einen Test auf Allergien"),
    "endoscopy": ("Magenspiegelung", "eine Magenspiegelung", "eine Magenspiegelung"),
    "DEXA scan": (
        "Messung der Knochendichte",
        "eine Messung der Knochendichte",
        "eine Messung der Knochendichte",
    ),
}

# -- sentence parts ---------------------------------------------------------------------------
# Subjects: (text, number) in es/fr, (at the front, after the verb, number) in de.  Verbs:
# (singular, plural) in es/fr; (singular, plural, adverb, infinitive at the end) in de.

_SUBJECTS_ES: dict[str, tuple[str, str]] = {
    "Many people": ("Muchas personas", "p"),
    "Some patients": ("Algunos pacientes", "p"),
    "Your doctor": ("Su médico", "s"),
    "A nurse": ("Una enfermera", "s"),
    "Your pharmacist": ("Su farmacéutico", "s"),
    "Most adults": ("La mayoría de los adultos", "p"),
    "Older people": ("Las personas mayores", "p"),
    "Children": ("Los niños", "p"),
    "Pregnant women": ("Las mujeres embarazadas", "p"),
    "People with {c}": ("Las personas con {c[bare]}", "p"),
    "The specialist": ("El especialista", "s"),
    "A healthcare professional": ("Un profesional de la salud", "s"),
    "Researchers": ("Los investigadores", "p"),
    "Carers": ("Los cuidadores", "p"),
}
_SUBJECTS_FR: dict[str, tuple[str, str]] = {
    "Many people": ("Beaucoup de personnes", "p"),
    "Some patients": ("Certains patients", "p"),
    "Your doctor": ("Votre médecin", "s"),
    "A nurse": ("Une infirmière", "s"),
    "Your pharmacist": ("Votre pharmacien", "s"),
    "Most adults": ("La plupart des adultes", "p"),
    "Older people": ("Les personnes âgées", "p"),
    "Children": ("Les enfants", "p"),
    "Pregnant women": ("Les femmes enceintes", "p"),
    "People with {c}": ("Les personnes atteintes {c[de]}", "p"),
    "The specialist": ("Le spécialiste", "s"),
    "A healthcare professional": ("Un soignant", "s"),
    "Researchers": ("Les chercheurs", "p"),
    "Carers": ("Les aidants", "p"),
}
_SUBJECTS_DE: dict[str, tuple[str, str, str]] = {
    "Many people": ("Viele Menschen", "viele Menschen", "p"),
    "Some patients": ("Manche Patienten", "manche Patienten", "p"),
    "Your doctor": ("Ihr Arzt", "Ihr Arzt", "s"),
    "A nurse": ("Eine Pflegekraft", "eine Pflegekraft", "s"),
    "Your pharmacist": ("Ihr Apotheker", "Ihr Apotheker", "s"),
    "Most adults": ("Die meisten Erwachsenen", "die meisten Erwachsenen", "p"),
    "Older people": ("Ältere Menschen", "ältere Menschen", "p"),
    "Children": ("Kinder", "Kinder", "p"),
    "Pregnant women": ("Schwangere", "Schwangere", "p"),
    "People with {c}": ("Menschen mit {c[dat]}", "Menschen mit {c[dat]}", "p"),
    "The specialist": ("Der Facharzt", "der Facharzt", "s"),
    "A healthcare professional": (
        "Eine medizinische Fachkraft",
        "eine medizinische Fachkraft",
        "s",
    ),
    "Researchers": ("Forschende", "Forschende", "p"),
    "Carers": ("Pflegende Angehörige", "pflegende Angehörige", "p"),
}

_VERBS_ES: dict[str, tuple[str, str]] = {
    "may notice": ("puede notar", "pueden notar"),
    "can reduce": ("puede reducir", "pueden reducir"),
    "should avoid": ("debe evitar", "deben evitar"),
    "often need": ("a menudo necesita", "a menudo necesitan"),
    "will check": ("va a revisar", "van a revisar"),
    "might feel": ("podría sentir", "podrían sentir"),
    "can manage": ("puede controlar", "pueden controlar"),
    "usually recommend": ("suele recomendar", "suelen recomendar"),
    "sometimes experience": ("a veces presenta", "a veces presentan"),
    "need to monitor": ("necesita vigilar", "necesitan vigilar"),
    "are advised to limit": ("debería limitar", "deberían limitar"),
    "can improve": ("puede mejorar", "pueden mejorar"),
    "may develop": ("puede desarrollar", "pueden desarrollar"),
    "should discuss": ("debe comentar", "deben comentar"),
}
_VERBS_FR: dict[str, tuple[str, str]] = {
    "may notice": ("peut remarquer", "peuvent remarquer"),
    "can reduce": ("peut réduire", "peuvent réduire"),
    "should avoid": ("doit éviter", "doivent éviter"),
    "often need": ("nécessite souvent", "nécessitent souvent"),
    "will check": ("va vérifier", "vont vérifier"),
    "might feel": ("pourrait ressentir", "pourraient ressentir"),
    "can manage": ("peut gérer", "peuvent gérer"),
    "usually recommend": ("recommande généralement", "recommandent généralement"),
    "sometimes experience": ("ressent parfois", "ressentent parfois"),
    "need to monitor": ("doit surveiller", "doivent surveiller"),
    "are advised to limit": ("devrait limiter", "devraient limiter"),
    "can improve": ("peut améliorer", "peuvent améliorer"),
    "may develop": ("peut développer", "peuvent développer"),
    "should discuss": ("devrait aborder", "devraient aborder"),
}
_VERBS_DE: dict[str, tuple[str, str, str, str]] = {
    "may notice": ("bemerkt", "bemerken", "möglicherweise", ""),
    "can reduce": ("kann", "können", "", "verringern"),
    "should avoid": ("sollte", "sollten", "", "vermeiden"),
    "often need": ("braucht", "brauchen", "oft", ""),
    "will check": ("wird", "werden", "", "überprüfen"),
    "might feel": ("spürt", "spüren", "vielleicht", ""),
    "can manage": ("kann", "können", "", "in den Griff bekommen"),
    "usually recommend": ("empfiehlt", "empfehlen", "meist", ""),
    "sometimes experience": ("erlebt", "erleben", "manchmal", ""),
    "need to monitor": ("muss", "müssen", "", "überwachen"),
    "are advised to limit": ("sollte", "sollten", "", "einschränken"),
    "can improve": ("kann", "können", "", "verbessern"),
    "may develop": ("entwickelt", "entwickeln", "möglicherweise", ""),
    "should discuss": ("sollte", "sollten", "", "besprechen"),
}

_OBJECTS: dict[str, dict[str, str]] = {
    "es": {
        "their symptoms": "sus síntomas",
        "the risk of complications": "el riesgo de complicaciones",
        "salt in their diet": "la sal en su dieta",
        "regular exercise": "el ejercicio regular",
        "tiredness and dizziness": "el cansancio y los mareos",
        "inflammation of the {b}": "la inflamación {b[of]}",
        "a gradual improvement": "una mejoría gradual",
        "cardiovascular complications": "complicaciones cardiovasculares",
        "long-term medication": "la medicación a largo plazo",
        "their blood sugar levels": "sus niveles de azúcar en sangre",
        "unexpected side effects": "efectos secundarios inesperados",
        "the underlying condition": "la enfermedad de base",
        "a healthy weight": "un peso saludable",
        "alcohol and smoking": "el alcohol y el tabaco",
        "an individualised treatment plan": "un plan de tratamiento individualizado",
        "physiotherapy sessions": "sesiones de fisioterapia",
    },
    "fr": {
        "their symptoms": "leurs symptômes",
        "the risk of complications": "le risque de complications",
        "salt in their diet": "le sel dans leur alimentation",
        "regular exercise": "l'exercice régulier",
        "tiredness and dizziness": "la fatigue et les étourdissements",
        "inflammation of the {b}": "une inflammation {b[of]}",
        "a gradual improvement": "une amélioration progressive",
        "cardiovascular complications": "des complications cardiovasculaires",
        "long-term medication": "un traitement au long cours",
        "their blood sugar levels": "leur taux de sucre dans le sang",
        "unexpected side effects": "des effets secondaires inattendus",
        "the underlying condition": "la maladie sous-jacente",
        "a healthy weight": "un poids de forme",
        "alcohol and smoking": "l'alcool et le tabac",
        "an individualised treatment plan": "un plan de traitement personnalisé",
        "physiotherapy sessions": "des séances de kinésithérapie",
    },
    "de": {
        "their symptoms": "ihre Beschwerden",
        "the risk of complications": "das Risiko von Komplikationen",
        "salt in their diet": "Salz in ihrer Ernährung",
        "regular exercise": "regelmäßige Bewegung",
        "tiredness and dizziness": "Müdigkeit und Schwindel",
        "inflammation of the {b}": "eine Entzündung {b[gen]}",
        "a gradual improvement": "eine allmähliche Besserung",
        "cardiovascular complications": "Herz-Kreislauf-Komplikationen",
        "long-term medication": "Medikamente auf Dauer",
        "their blood sugar levels": "ihren Blutzuckerspiegel",
        "unexpected side effects": "unerwartete Nebenwirkungen",
        "the underlying condition": "die eigentliche Erkrankung",
        "a healthy weight": "ein gesundes Gewicht",
        "alcohol and smoking": "Alkohol und Rauchen",
        "an individualised treatment plan": "einen persönlichen Plan für die Behandlung",
        "physiotherapy sessions": "Physiotherapie",
    },
}

#: Clauses with the punctuation that joins them to what comes before.
_CLAUSES: dict[str, dict[str, str]] = {
    "es": {
        "because the condition can progress slowly": " porque la enfermedad puede avanzar "
        "lentamente",
        "especially during the first few weeks": ", sobre todo durante las primeras semanas",
        "which helps to protect the {b}": ", lo que ayuda a proteger {b[def]}",
        "although this varies from person to person": ", aunque esto varía de una persona a otra",
        "if symptoms get worse or do not improve": " si los síntomas empeoran o no mejoran",
        "as part of a routine appointment": " en una consulta de rutina",
        "unless your doctor tells you otherwise": ", salvo que su médico le indique lo contrario",
        "so that problems are found early": " para que los problemas se detecten a tiempo",
        "while the body adjusts to the new treatment": " mientras el cuerpo se adapta al "
        "nuevo tratamiento",
        "particularly in people over 65": ", en particular en personas mayores de 65 años",
        "and this is usually temporary": " y esto suele ser pasajero",
        "even when they feel perfectly well": " incluso cuando se encuentran perfectamente",
        "according to national guidelines": " según las recomendaciones nacionales",
        "before making any changes to their medicines": " antes de hacer cambios en su medicación",
    },
    "fr": {
        "because the condition can progress slowly": " car la maladie peut évoluer lentement",
        "especially during the first few weeks": ", surtout pendant les premières semaines",
        "which helps to protect the {b}": ", ce qui aide à protéger {b[def]}",
        "although this varies from person to person": ", bien que cela varie d'une personne "
        "à l'autre",
        "if symptoms get worse or do not improve": " si les symptômes s'aggravent ou ne "
        "s'améliorent pas",
        "as part of a routine appointment": " lors d'un rendez-vous de routine",
        "unless your doctor tells you otherwise": ", sauf avis contraire de votre médecin",
        "so that problems are found early": " afin que les problèmes soient détectés tôt",
        "while the body adjusts to the new treatment": " pendant que le corps s'adapte au "
        "nouveau traitement",
        "particularly in people over 65": ", en particulier chez les personnes de plus de 65 ans",
        "and this is usually temporary": " et c'est généralement passager",
        "even when they feel perfectly well": " même lorsqu'ils se sentent parfaitement bien",
        "according to national guidelines": " selon les recommandations nationales",
        "before making any changes to their medicines": " avant de modifier leurs médicaments",
    },
    "de": {
        "because the condition can progress slowly": ", weil die Erkrankung langsam "
        "fortschreiten kann",
        "especially during the first few weeks": ", vor allem in den ersten Wochen",
        "which helps to protect the {b}": ", was hilft, {b[acc]} zu schützen",
        "although this varies from person to person": ", wobei dies von Mensch zu Mensch "
        "verschieden ist",
        "if symptoms get worse or do not improve": ", wenn sich die Beschwerden "
        "verschlimmern oder nicht bessern",
        "as part of a routine appointment": " bei einem normalen Arzttermin",
        "unless your doctor tells you otherwise": ", sofern Ihr Arzt nichts anderes sagt",
        "so that problems are found early": ", damit Probleme früh erkannt werden",
        "while the body adjusts to the new treatment": ", während sich der Körper an die "
        "neue Behandlung gewöhnt",
        "particularly in people over 65": ", besonders bei Menschen über 65",
        "and this is usually temporary": ", und das ist meist nur vorübergehend",
        "even when they feel perfectly well": ", auch wenn sie sich völlig gesund fühlen",
        "according to national guidelines": " gemäß den nationalen Leitlinien",
        "before making any changes to their medicines": ", bevor sie etwas an ihren "
        "Medikamenten ändern",
    },
}

#: Openers: es and fr keep the comma; German puts the verb straight after the opener.
_OPENERS: dict[str, dict[str, str]] = {
    "es": {
        "However, ": "Sin embargo, ",
        "In some cases, ": "En algunos casos, ",
        "For example, ": "Por ejemplo, ",
        "Over time, ": "Con el tiempo, ",
    },
    "fr": {
        "However, ": "Cependant, ",
        "In some cases, ": "Dans certains cas, ",
        "For example, ": "Par exemple, ",
        "Over time, ": "Avec le temps, ",
    },
    "de": {
        "However, ": "Allerdings ",
        "In some cases, ": "In manchen Fällen ",
        "For example, ": "Zum Beispiel ",
        "Over time, ": "Mit der Zeit ",
    },
}

# -- whole units and fixed sentences ---------------------------------------------------------
# Target templates name the form of a topic word they need: {c[def]}, {b[of]}, {m[bare]}...

_SECTIONS: dict[str, dict[str, str]] = {
    "es": {
        "What is {c}?": "¿Qué es {c[def]}?",
        "Symptoms of {c}": "Síntomas {c[of]}",
        "What causes {c}?": "¿Qué causa {c[def]}?",
        "How {c} is diagnosed": "Cómo se diagnostica {c[def]}",
        "Treatment": "Tratamiento",
        "Taking {m}": "Cómo tomar {m[bare]}",
        "Side effects": "Efectos secundarios",
        "Living with {c}": "Vivir con {c[bare]}",
        "When to get help": "Cuándo pedir ayuda",
        "Preventing {c}": "Cómo prevenir {c[def]}",
        "What the research says": "Qué dice la investigación",
        "Questions to ask your doctor": "Preguntas para su médico",
    },
    "fr": {
        "What is {c}?": "Qu'est-ce que {c[def]} ?",
        "Symptoms of {c}": "Symptômes {c[of]}",
        "What causes {c}?": "Quelles sont les causes {c[of]} ?",
        "How {c} is diagnosed": "Le diagnostic {c[of]}",
        "Treatment": "Traitement",
        "Taking {m}": "Comment prendre {m[def]}",
        "Side effects": "Effets secondaires",
        "Living with {c}": "Vivre avec {c[def]}",
        "When to get help": "Quand demander de l'aide",
        "Preventing {c}": "Prévenir {c[def]}",
        "What the research says": "Ce que dit la recherche",
        "Questions to ask your doctor": "Questions à poser à votre médecin",
    },
    "de": {
        "What is {c}?": "Was ist {c[ein]}?",
        "Symptoms of {c}": "Symptome von {c[dat]}",
        "What causes {c}?": "Was verursacht {c[ein]}?",
        "How {c} is diagnosed": "So wird {c[ein]} diagnostiziert",
        "Treatment": "Behandlung",
        "Taking {m}": "Einnahme von {m[bare]}",
        "Side effects": "Nebenwirkungen",
        "Living with {c}": "Leben mit {c[dat]}",
        "When to get help": "Wann Sie Hilfe holen sollten",
        "Preventing {c}": "So beugen Sie {c[dat]} vor",
        "What the research says": "Was die Forschung sagt",
        "Questions to ask your doctor": "Fragen an Ihren Arzt",
    },
}

_TITLES: dict[str, dict[str, str]] = {
    "es": {
        "{C}: symptoms, causes and treatment": "{c[cap]}: síntomas, causas y tratamiento",
        "Living well with {c}": "Vivir bien con {c[bare]}",
        "Understanding {c}": "Entender {c[def]}",
        "A guide to {m}": "Guía sobre {m[def]}",
        "{C} explained": "{c[cap]}: explicación sencilla",
        "Managing {c} at home": "Cómo controlar {c[def]} en casa",
    },
    "fr": {
        "{C}: symptoms, causes and treatment": "{c[cap]} : symptômes, causes et traitement",
        "Living well with {c}": "Bien vivre avec {c[def]}",
        "Understanding {c}": "Comprendre {c[def]}",
        "A guide to {m}": "Tout savoir sur {m[def]}",
        "{C} explained": "{c[cap]} en bref",
        "Managing {c} at home": "Gérer {c[def]} à la maison",
    },
    "de": {
        "{C}: symptoms, causes and treatment": "{c[cap]}: Symptome, Ursachen und Behandlung",
        "Living well with {c}": "Gut leben mit {c[dat]}",
        "Understanding {c}": "{c[cap]} verstehen",
        "A guide to {m}": "Ratgeber zu {m[bare]}",
        "{C} explained": "{c[cap]} einfach erklärt",
        "Managing {c} at home": "{c[cap]} zu Hause behandeln",
    },
}

_LIST_ITEMS: dict[str, dict[str, str]] = {
    "es": {
        "feeling tired all the time": "sentirse cansado todo el tiempo",
        "headaches": "dolores de cabeza",
        "shortness of breath": "falta de aire",
        "swollen ankles": "tobillos hinchados",
        "pain in the {b}": "dolor {b[in]}",
        "blurred vision": "visión borrosa",
        "feeling sick": "ganas de vomitar",
        "a rash or itching": "sarpullido o picor",
        "losing weight without trying": "perder peso sin querer",
        "needing to pee more often": "necesidad de orinar con más frecuencia",
        "dizziness when standing up": "mareo al ponerse de pie",
        "take {m} with food": "tome {m[bare]} con las comidas",
        "keep a diary of your symptoms": "lleve un diario de sus síntomas",
        "check your {t} every 6 months": "hágase {t[indef]} cada 6 meses",
        "eat five portions of fruit and vegetables a day": "coma cinco raciones de fruta y "
        "verdura al día",
        "stop smoking": "deje de fumar",
        "limit alcohol to 14 units a week": "limite el alcohol a 14 unidades a la semana",
        "sleep 7 to 9 hours a night": "duerma de 7 a 9 horas por noche",
    },
    "fr": {
        "feeling tired all the time": "se sentir fatigué en permanence",
        "headaches": "maux de tête",
        "shortness of breath": "essoufflement",
        "swollen ankles": "chevilles gonflées",
        "pain in the {b}": "douleur {b[in]}",
        "blurred vision": "vision floue",
        "feeling sick": "envie de vomir",
        "a rash or itching": "rougeurs ou démangeaisons",
        "losing weight without trying": "perte de poids involontaire",
        "needing to pee more often": "besoin d'uriner plus souvent",
        "dizziness when standing up": "étourdissements en se levant",
        "take {m} with food": "prenez {m[def]} pendant les repas",
        "keep a diary of your symptoms": "tenez un journal de vos symptômes",
        "check your {t} every 6 months": "faites faire {t[indef]} tous les 6 mois",
        "eat five portions of fruit and vegetables a day": "mangez cinq portions de fruits "
        "et légumes par jour",
        "stop smoking": "arrêtez de fumer",
        "limit alcohol to 14 units a week": "ne buvez pas plus de 14 unités d'alcool par semaine",
        "sleep 7 to 9 hours a night": "dormez 7 à 9 heures par nuit",
    },
    "de": {
        "feeling tired all the time": "ständige Müdigkeit",
        "headaches": "Kopfschmerzen",
        "shortness of breath": "Atemnot",
        "swollen ankles": "geschwollene Knöchel",
        "pain in the {b}": "Schmerzen {b[in]}",
        "blurred vision": "alles verschwommen sehen",
        "feeling sick": "Übelkeit",
        "a rash or itching": "Ausschlag oder Juckreiz",
        "losing weight without trying": "abnehmen, ohne es zu wollen",
        "needing to pee more often": "öfter auf die Toilette müssen",
        "dizziness when standing up": "Schwindel beim Aufstehen",
        "take {m} with food": "nehmen Sie {m[bare]} zu den Mahlzeiten ein",
        "keep a diary of your symptoms": "führen Sie ein Tagebuch über Ihre Beschwerden",
        "check your {t} every 6 months": "lassen Sie alle 6 Monate {t[einen]} machen",
        "eat five portions of fruit and vegetables a day": "essen Sie täglich fünf "
        "Portionen Obst und Gemüse",
        "stop smoking": "hören Sie mit dem Rauchen auf",
        "limit alcohol to 14 units a week": "trinken Sie höchstens 14 Einheiten Alkohol pro Woche",
        "sleep 7 to 9 hours a night": "schlafen Sie 7 bis 9 Stunden pro Nacht",
    },
}

_FIXED: dict[str, dict[str, str]] = {
    "es": {
        FIXED[0]: "Tome {m[bare]} a la misma hora todos los días.",
        FIXED[1]: "La dosis inicial habitual de {m[bare]} es de {dose} mg una vez al día.",
        FIXED[2]: "No deje de tomar {m[bare]} sin consultar antes a su médico de cabecera.",
        FIXED[3]: "En un ensayo con {n} adultos, {m[def]} redujo el riesgo de ingreso "
        "hospitalario (RR 0,{rr}; IC del 95 %: 0,{lo} a 0,{hi}).",
        FIXED[4]: "Alrededor del {pct} % de las personas con {c[bare]} no tienen ningún síntoma.",
        FIXED[5]: "El Dr. Patel, especialista del Hospital Santa María, dijo que los "
        "resultados eran alentadores.",
        FIXED[6]: "{t[indef]} puede confirmar el diagnóstico, p. ej., durante una revisión "
        "rutinaria.",
        FIXED[7]: "Algunos medicamentos, es decir, los que diluyen la sangre, requieren un "
        "control periódico.",
        FIXED[8]: "El servicio de salud británico recomienda al menos 150 minutos de "
        "actividad física moderada a la semana.",
        FIXED[9]: "Lo ideal es que su IMC esté entre 18,5 y 24,9.",
        FIXED[10]: "Beba entre 1,5 y 2 litros de líquido al día, salvo que le indiquen lo "
        "contrario.",
        FIXED[11]: "La lectura media bajó de {bp1}/90 mmHg a {bp2}/80 mmHg al cabo de 12 semanas.",
        FIXED[12]: "Llame al 999 o acuda a urgencias si tiene dolor en el pecho o dificultad "
        "para respirar.",
        FIXED[13]: "Los síntomas suelen mejorar en {days} días.",
        FIXED[14]: "La correlación entre la dosis y la respuesta fue de 0,{rr} en el estudio "
        "más amplio.",
        FIXED[15]: "Mantenga {m[def]} fuera del alcance de los niños.",
        FIXED[16]: "Es aprox. {ratio} veces más frecuente en las mujeres que en los hombres.",
        FIXED[17]: "Informe a su médico si está embarazada o da el pecho.",
        FIXED[18]: "Reduzca los alimentos procesados, las bebidas azucaradas y los aperitivos "
        "salados.",
        FIXED[19]: "Consulte el prospecto que viene en el envase para ver la lista completa de "
        "efectos secundarios, incluidos los poco frecuentes.",
    },
    "fr": {
        FIXED[0]: "Prenez {m[def]} à la même heure chaque jour.",
        FIXED[1]: "La dose initiale habituelle {m[de]} est de {dose} mg une fois par jour.",
        FIXED[2]: "N'arrêtez pas de prendre {m[def]} sans en parler d'abord à votre médecin "
        "traitant.",
        FIXED[3]: "Dans un essai mené auprès de {n} adultes, {m[def]} a réduit le risque "
        "de séjour à l'hôpital (RR 0,{rr} ; IC à 95 % : 0,{lo} à 0,{hi}).",
        FIXED[4]: "Environ {pct} % des personnes atteintes {c[de]} n'ont aucun symptôme.",
        FIXED[5]: "Le Dr Patel, médecin à l'hôpital Sainte-Marie, a déclaré que les "
        "résultats étaient encourageants.",
        FIXED[6]: "{t[indef]} peut confirmer le diagnostic, p. ex. lors d'un bilan de routine.",
        FIXED[7]: "Certains médicaments, c'est-à-dire ceux qui rendent le sang plus "
        "fluide, nécessitent une surveillance régulière.",
        FIXED[8]: "Le service de santé britannique recommande au moins 150 minutes d'activité "
        "physique modérée par semaine.",
        FIXED[9]: "Idéalement, votre IMC devrait se situer entre 18,5 et 24,9.",
        FIXED[10]: "Buvez environ 1,5 à 2 litres de liquide par jour, sauf avis contraire.",
        FIXED[11]: "La mesure moyenne est passée de {bp1}/90 mmHg à {bp2}/80 mmHg après 12 "
        "semaines.",
        FIXED[
            12
        ]: "Appelez le 999 ou allez aux urgences si vous avez une douleur dans la poitrine ou "
        "du mal à respirer.",
        FIXED[13]: "Les symptômes s'améliorent généralement en {days} jours.",
        FIXED[14]: "La corrélation entre la dose et la réponse était de 0,{rr} dans la plus "
        "grande étude.",
        FIXED[15]: "Conservez {m[def]} hors de portée des enfants.",
        FIXED[16]: "C'est env. {ratio} fois plus fréquent chez les femmes que chez les hommes.",
        FIXED[17]: "Prévenez votre médecin si vous êtes enceinte ou si vous donnez le sein.",
        FIXED[18]: "Mangez moins d'aliments transformés et d'en-cas salés, et buvez "
        "moins de boissons sucrées.",
        FIXED[19]: "Consultez la notice dans la boîte pour la liste complète des effets "
        "secondaires, y compris les plus rares.",
    },
    "de": {
        FIXED[0]: "Nehmen Sie {m[bare]} jeden Tag zur gleichen Zeit ein.",
        FIXED[1]: "Die übliche Dosis von {m[bare]} zu Beginn liegt bei {dose} mg einmal täglich.",
        FIXED[2]: "Setzen Sie {m[bare]} nicht ab, ohne vorher mit Ihrem Hausarzt zu sprechen.",
        FIXED[3]: "In einer Studie mit {n} Erwachsenen senkte {m[bare]} das Risiko einer "
        "Einweisung ins Krankenhaus (RR 0,{rr}; 95 %-KI 0,{lo} bis 0,{hi}).",
        FIXED[4]: "Etwa {pct} % der Menschen mit {c[dat]} haben überhaupt keine Beschwerden.",
        FIXED[5]: "Dr. Patel, Facharzt am Krankenhaus Sankt Marien, sagte, die Ergebnisse seien "
        "ermutigend.",
        FIXED[6]: "{t[ein]} kann die Diagnose bestätigen, z. B. bei einer normalen Untersuchung.",
        FIXED[7]: "Einige Medikamente, d. h. solche, die das Blut verdünnen, müssen "
        "regelmäßig kontrolliert werden.",
        FIXED[8]: "Der britische Gesundheitsdienst empfiehlt mindestens 150 Minuten moderate "
        "Bewegung pro Woche.",
        FIXED[9]: "Ihr BMI sollte idealerweise zwischen 18,5 und 24,9 liegen.",
        FIXED[10]: "Trinken Sie etwa 1,5 bis 2 Liter Flüssigkeit am Tag, sofern nicht anders "
        "angegeben.",
        FIXED[11]: "Der durchschnittliche Messwert sank nach 12 Wochen von {bp1}/90 mmHg auf "
        "{bp2}/80 mmHg.",
        FIXED[12]: "Wählen Sie die 999 oder gehen Sie in die Notaufnahme, wenn Sie Schmerzen "
        "in der Brust oder Atemnot haben.",
        FIXED[13]: "Die Beschwerden bessern sich meist innerhalb von {days} Tagen.",
        FIXED[14]: "Die Korrelation zwischen Dosis und Wirkung betrug in der größten Studie "
        "0,{rr}.",
        FIXED[15]: "Bewahren Sie {m[bare]} für Kinder unzugänglich auf.",
        FIXED[16]: "Sie ist bei Frauen ca. {ratio}-mal häufiger als bei Männern.",
        FIXED[17]: "Sagen Sie Ihrem Arzt, wenn Sie schwanger sind oder stillen.",
        FIXED[18]: "Essen Sie weniger Fertiggerichte und salziges Gebäck, und trinken Sie "
        "weniger süße Getränke.",
        FIXED[19]: "In der Packungsbeilage finden Sie die vollständige Liste der "
        "Nebenwirkungen, inkl. seltener.",
    },
}

# -- forms of the topic words -----------------------------------------------------------------


def cap(text: str) -> str:
    """``text`` with its first letter in upper case (after any leading ¿ or ¡)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
        if char not in "¿¡\"'(":
            return text
    return text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:1].isupper() else text


def _es_forms(bare: str, gender: str) -> Forms:
    article = {"m": "el", "f": "la", "fa": "el", "mp": "los", "fp": "las"}[gender]
    of = {"m": "del", "f": "de la", "fa": "del", "mp": "de los", "fp": "de las"}[gender]
    indef = {"m": "un", "f": "una", "fa": "un", "mp": "unos", "fp": "unas"}[gender]
    return {
        "bare": bare,
        "cap": cap(bare),
        "def": f"{article} {bare}",
        "of": f"{of} {bare}",
        "in": f"en {article} {bare}",
        "indef": f"{indef} {bare}",
    }


def _fr_forms(bare: str, gender: str) -> Forms:
    elide = bare[0].lower() in "aeiouyàâéèêëîïôûh"
    plural = gender.endswith("p")
    if plural:
        definite, of, at = f"les {bare}", f"des {bare}", f"aux {bare}"
    elif elide:
        definite, of, at = f"l'{bare}", f"de l'{bare}", f"à l'{bare}"
    elif gender == "m":
        definite, of, at = f"le {bare}", f"du {bare}", f"au {bare}"
    else:
        definite, of, at = f"la {bare}", f"de la {bare}", f"à la {bare}"
    indef = "des" if plural else ("un" if gender.startswith("m") else "une")
    return {
        "bare": bare,
        "cap": cap(bare),
        "def": definite,
        "of": of,
        "in": at,
        "indef": f"{indef} {bare}",
        "de": f"d'{bare}" if elide else f"de {bare}",
    }


def _build_forms() -> dict[str, dict[str, dict[str, Forms]]]:
    """locale -> kind (c, b, m, t) -> English word -> forms."""
    forms: dict[str, dict[str, dict[str, Forms]]] = {}
    for locale, make in (("es", _es_forms), ("fr", _fr_forms)):
        tables = {
            "c": _ES_CONDITIONS if locale == "es" else _FR_CONDITIONS,
            "b": _ES_BODY if locale == "es" else _FR_BODY,
            "m": _ES_MEDICINES if locale == "es" else _FR_MEDICINES,
            "t": _ES_TESTS if locale == "es" else _FR_TESTS,
        }
        forms[locale] = {
            kind: {english: make(*value) for english, value in table.items()}
            for kind, table in tables.items()
        }
    forms["de"] = {
        "c": {
            en: {"bare": nom, "cap": cap(nom), "dat": dat, "ein": ein}
            for en, (nom, dat, ein) in _DE_CONDITIONS.items()
        },
        "b": {
            en: {"bare": bare, "acc": acc, "gen": gen, "in": inside}
            for en, (bare, acc, gen, inside) in _DE_BODY.items()
        },
        "m": {en: {"bare": name, "cap": name} for en, name in _DE_MEDICINES.items()},
        "t": {
            en: {"bare": bare, "ein": ein, "einen": einen}
            for en, (bare, ein, einen) in _DE_TESTS.items()
        },
    }
    return forms


FORMS = _build_forms()

#: English words of each topic slot, from the corpus's topics.
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    kind: tuple(dict.fromkeys(topic[index] for topic in TOPICS))
    for index, kind in enumerate("cbmt")
}


def _check_tables() -> None:
    """Every entry of bench/speed.py's lists has a translation in every locale."""
    missing: list[str] = []
    for kind, words in TOPIC_WORDS.items():
        for locale in LOCALES:
            missing += [f"{locale} {kind}: {w}" for w in words if w not in FORMS[locale][kind]]
    for name, source, table in (
        ("section", SECTIONS, _SECTIONS),
        ("title", TITLES, _TITLES),
        ("list item", LIST_ITEMS, _LIST_ITEMS),
        ("fixed", FIXED, _FIXED),
        ("object", OBJECTS, _OBJECTS),
        ("clause", CLAUSES, _CLAUSES),
        ("opener", OPENERS, _OPENERS),
    ):
        for locale in LOCALES:
            missing += [f"{locale} {name}: {e}" for e in source if e not in table[locale]]
    for name, source, tables in (
        ("subject", SUBJECTS, (set(_SUBJECTS_ES), set(_SUBJECTS_FR), set(_SUBJECTS_DE))),
        ("verb", VERBS, (set(_VERBS_ES), set(_VERBS_FR), set(_VERBS_DE))),
    ):
        for locale, lookup in zip(LOCALES, tables, strict=True):
            missing += [f"{locale} {name}: {e}" for e in source if e not in lookup]
    if missing:
        raise ValueError(
            "bench/speed.py has phrases without a translation here:\n  " + "\n  ".join(missing)
        )


_check_tables()

# -- reading the English back -----------------------------------------------------------------

_NUMERIC_FIELDS = frozenset({"dose", "n", "rr", "lo", "hi", "pct", "bp1", "bp2", "days", "ratio"})
#: What may follow a sentence read without its final period.
_AFTER = r"(?=\s|\Z|[,;:!?)\]])"


def _alternation(options: Iterable[str]) -> str:
    """A regex alternation of literal ``options``, longest first."""
    return "|".join(re.escape(o) for o in sorted(set(options), key=lambda o: (-len(o), o)))


def _either_case(regex: str) -> str:
    """``regex`` whose leading literal letter matches in either case."""
    if regex[:1].isalpha():
        return f"[{regex[0].upper()}{regex[0].lower()}]{regex[1:]}"
    return regex


def _template_regex(template: str) -> str:
    """A regex for ``template`` filled in by the generator, with a named group per field."""
    parts: list[str] = []
    for literal, field, _, _ in Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is None:
            continue
        if field in _NUMERIC_FIELDS:
            parts.append(rf"(?P<{field}>\d+)")
        elif field == "C":
            parts.append(f"(?P<C>{_alternation(cap(w) for w in TOPIC_WORDS['c'])})")
        else:
            parts.append(f"(?P<{field}>{_alternation(TOPIC_WORDS[field])})")
    return _either_case("".join(parts))


@dataclass(frozen=True, slots=True)
class _Rule:
    """A template of the generator read back: ``table[locale][english]`` translates it."""

    english: str
    table: dict[str, dict[str, str]]
    regex: re.Pattern[str]


def _whole_rules() -> tuple[_Rule, ...]:
    rules = []
    for templates, table in ((TITLES, _TITLES), (SECTIONS, _SECTIONS), (LIST_ITEMS, _LIST_ITEMS)):
        for template in templates:
            rules.append(_Rule(template, table, re.compile(_template_regex(template))))
    return tuple(rules)


def _sentence_rules() -> tuple[_Rule, ...]:
    rules = []
    for template in FIXED:
        body = _template_regex(template.removesuffix("."))
        rules.append(_Rule(template, _FIXED, re.compile(rf"{body}(?P<_end>\.)?{_AFTER}")))
    return tuple(rules)


def _filled(templates: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """Each template filled with each topic word it takes -> (template, topic word)."""
    out: dict[str, tuple[str, str | None]] = {}
    for template in templates:
        fields = {f for _, f, _, _ in Formatter().parse(template) if f}
        if not fields:
            out[template] = (template, None)
            continue
        (field,) = fields
        for word in TOPIC_WORDS[field.lower()]:
            out[template.format(**{field: cap(word) if field == "C" else word})] = (template, word)
    return out


_WHOLE_RULES = _whole_rules()
_SENTENCE_RULES = _sentence_rules()
_SUBJECT_TEXTS = _filled(SUBJECTS)
_OBJECT_TEXTS = _filled(OBJECTS)
_CLAUSE_TEXTS = _filled(CLAUSES)
_CLAUSE_RE = re.compile(_alternation(_CLAUSE_TEXTS))
_COMPOSED = re.compile(
    f"(?P<opener>{_either_case(_alternation(OPENERS))})?"
    f"(?P<subject>{_alternation([*_SUBJECT_TEXTS, *map(_lower_first, _SUBJECT_TEXTS)])}) "
    f"(?P<verb>{_alternation(VERBS)}) "
    f"(?P<object>{_alternation(_OBJECT_TEXTS)})"
    f"(?P<clauses>(?: (?:{_alternation(_CLAUSE_TEXTS)}))*)"
    rf"(?P<_end>\.)?{_AFTER}"
)


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of the English text: a rule's match, a composed sentence, or a gap."""

    start: int
    end: int
    rule: _Rule | None = None  # None with a match: a composed sentence
    match: re.Match[str] | None = None  # None: a gap, translated phrase by phrase


@lru_cache(maxsize=65_536)
def _parse(text: str) -> tuple[_Piece, ...]:
    """``text`` cut into pieces: the whole unit, or sentences and the gaps between them."""
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    for rule in _WHOLE_RULES:
        match = rule.regex.fullmatch(text, offset, offset + len(stripped))
        if match:
            return (_Piece(offset, offset + len(stripped), rule, match),)
    pieces: list[_Piece] = []
    gap_start = gap_end = -1
    pos, size = 0, len(text)
    while pos < size:
        if text[pos].isspace():
            pos += 1
            continue
        found: tuple[_Rule | None, re.Match[str]] | None = None
        for rule in _SENTENCE_RULES:
            match = rule.regex.match(text, pos)
            if match:
                found = (rule, match)
                break
        else:
            match = _COMPOSED.match(text, pos)
            if match:
                found = (None, match)
        if found is None:  # not a known sentence: part of a gap, up to the next space
            if gap_start < 0:
                gap_start = pos
            while pos < size and not text[pos].isspace():
                pos += 1
            gap_end = pos
            continue
        if gap_start >= 0:
            pieces.append(_Piece(gap_start, gap_end))
            gap_start = -1
        pieces.append(_Piece(pos, found[1].end(), found[0], found[1]))
        pos = found[1].end()
    if gap_start >= 0:
        pieces.append(_Piece(gap_start, gap_end))
    return tuple(pieces)


# -- writing the translation ------------------------------------------------------------------

_CONDITION_BY_CAP = {cap(c): c for c in TOPIC_WORDS["c"]}


def _fields(match: re.Match[str], locale: str) -> dict[str, object]:
    """The format fields of a rule's match: forms of its topic words, and its numbers."""
    out: dict[str, object] = {}
    for name, value in match.groupdict().items():
        if value is None or name.startswith("_"):
            continue
        if name == "C":
            out["c"] = FORMS[locale]["c"][_CONDITION_BY_CAP[value]]
        elif name in FORMS[locale]:
            out[name] = FORMS[locale][name][value]
        else:
            out[name] = value
    return out


def _topic_fields(word: str | None, template: str, locale: str) -> dict[str, Forms]:
    """The forms of ``word``, under the name of the one field ``template`` has."""
    if word is None:
        return {}
    field = next(f for _, f, _, _ in Formatter().parse(template) if f).lower()
    return {field: FORMS[locale][field][word]}


def _composed(match: re.Match[str], locale: str) -> str:
    """A subject + verb + object [+ clauses] sentence, with agreement and word order."""
    subject_en, subject_word = _SUBJECT_TEXTS[cap(match["subject"])]
    verb_en = match["verb"]
    object_en, object_word = _OBJECT_TEXTS[match["object"]]
    obj = _OBJECTS[locale][object_en].format(**_topic_fields(object_word, object_en, locale))
    clauses = []
    for clause in _CLAUSE_RE.findall(match["clauses"]):
        clause_en, word = _CLAUSE_TEXTS[clause]
        clauses.append(_CLAUSES[locale][clause_en].format(**_topic_fields(word, clause_en, locale)))
    subject_fields = _topic_fields(subject_word, subject_en, locale)
    opener = match["opener"]
    if locale == "de":
        front, middle, number = _SUBJECTS_DE[subject_en]
        singular, plural, adverb, infinitive = _VERBS_DE[verb_en]
        finite = singular if number == "s" else plural
        if opener:
            head = f"{_OPENERS[locale][cap(opener)]}{finite} {middle.format(**subject_fields)}"
        else:
            head = f"{front.format(**subject_fields)} {finite}"
        # adverbials ("im Rahmen ...", "gemäß ...") go in the middle; subordinate clauses last
        middle_field = [c.strip() for c in clauses if not c.startswith(",")]
        clauses = [c for c in clauses if c.startswith(",")]
        words = [head, adverb, *middle_field, obj, infinitive]
        sentence = " ".join(w for w in words if w)
    else:
        subject_table = _SUBJECTS_ES if locale == "es" else _SUBJECTS_FR
        verb_table = _VERBS_ES if locale == "es" else _VERBS_FR
        text, number = subject_table[subject_en]
        subject = text.format(**subject_fields)
        if opener:
            subject = _OPENERS[locale][cap(opener)] + _lower_first(subject)
        verb = verb_table[verb_en][0 if number == "s" else 1]
        sentence = f"{subject} {verb} {obj}"
    return cap(sentence + "".join(clauses) + (match["_end"] or ""))


def _render(piece: _Piece, text: str, locale: str) -> tuple[str, list[str]]:
    """The translation of one piece, and any English it could not translate."""
    english = text[piece.start : piece.end]
    if piece.match is None:
        return _render_gap(english, locale)
    if piece.rule is None:
        out = _composed(piece.match, locale)
    else:
        template = piece.rule.table[locale][piece.rule.english]
        out = template.format(**_fields(piece.match, locale))
        if piece.rule.table is _FIXED:
            out = out.removesuffix(".") + (piece.match["_end"] or "")
    return _match_case(english, out, locale), []


def _match_case(english: str, out: str, locale: str) -> str:
    """``out`` starting in upper case where ``english`` does (and in lower case in es/fr)."""
    if english[:1].isupper():
        return cap(out)
    first = out.split(" ", 1)[0]
    if locale != "de" and english[:1].islower() and not first.isupper():
        return _lower_first(out)
    return out


# -- phrases, for text that is not a whole known sentence --------------------------------------


def _phrase_table(locale: str) -> dict[str, str]:
    """English phrase (filled in) -> translation, for every phrase of the phrase lists."""
    table: dict[str, str] = {}

    def add(english: str, target: str) -> None:
        table.setdefault(english, target.strip(" ,"))

    for templates, source in (
        (TITLES, _TITLES),
        (SECTIONS, _SECTIONS),
        (LIST_ITEMS, _LIST_ITEMS),
        (OBJECTS, _OBJECTS),
        (CLAUSES, _CLAUSES),
    ):
        for filled, (template, word) in _filled(templates).items():
            fields = _topic_fields(word, template, locale)
            add(filled, source[locale][template].format(**fields))
    for filled, (template, word) in _filled(SUBJECTS).items():
        fields = _topic_fields(word, template, locale)
        if locale == "de":
            add(filled, _SUBJECTS_DE[template][0].format(**fields))
        else:
            subjects = _SUBJECTS_ES if locale == "es" else _SUBJECTS_FR
            add(filled, subjects[template][0].format(**fields))
    for verb in VERBS:
        if locale == "de":
            _, plural, adverb, infinitive = _VERBS_DE[verb]
            add(verb, " ".join(w for w in (plural, adverb, infinitive) if w))
        else:
            add(verb, (_VERBS_ES if locale == "es" else _VERBS_FR)[verb][1])
    for opener in OPENERS:
        add(opener.rstrip(", "), _OPENERS[locale][opener])
    for kind, words in TOPIC_WORDS.items():
        for word in words:
            add(word, FORMS[locale][kind][word]["bare"])
    return table


_PHRASES = {locale: _phrase_table(locale) for locale in LOCALES}
_PHRASE_RE = re.compile(
    r"(?<![\w'-])(?:"
    + _alternation(
        variant
        for phrase in _PHRASES["es"]
        for variant in (phrase, cap(phrase), _lower_first(phrase))
    )
    + r")(?![\w'-])"
)
_LETTER = re.compile(r"[^\W\d_]")


def _phrase(english: str, locale: str) -> str:
    table = _PHRASES[locale]
    out = table.get(english) or table.get(_lower_first(english)) or table[cap(english)]
    return _match_case(english, out, locale)


def _render_gap(english: str, locale: str) -> tuple[str, list[str]]:
    """Known phrases translated one by one; the rest kept, and returned as left over."""
    out: list[str] = []
    left: list[str] = []
    last = 0
    for match in _PHRASE_RE.finditer(english):
        between = english[last : match.start()]
        out += [between, _phrase(match.group(0), locale)]
        if _LETTER.search(between):
            left.append(between.strip())
        last = match.end()
    tail = english[last:]
    out.append(tail)
    if _LETTER.search(tail):
        left.append(tail.strip())
    return "".join(out), left


# -- inline markup ----------------------------------------------------------------------------

_MARKUP = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<opaque><https?://[^>\s]+>|</?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>|\[\^[^\]\s]+\]"
    r"|\[\d+(?:\s*[,–-]\s*\d+)*\]|&#?\w+;|https?://[^\s)<>\"'\]]+)"
    r"|(?P<link>(?P<bang>!?)\[(?P<link_text>[^\]]+)\]\((?P<target>[^)]*)\))"
    r"|\*\*(?P<bold>(?=\S).+?(?<=\S))\*\*"
    r"|__(?P<bold_u>(?=\S).+?(?<=\S))__"
    r"|(?<![\w*])\*(?P<italic>(?=\S)[^*]+?(?<=\S))\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic_u>(?=\S)[^_]+?(?<=\S))_(?![\w_])"
)


@dataclass(frozen=True, slots=True)
class _Mark:
    """Inline markup taken out of the text: a wrapper around plain[start:end], or a token
    (code, tag, citation, URL) that stood at plain position ``start``."""

    start: int
    end: int
    before: str  # the wrapper's opening, or the token as it is put back
    after: str = ""  # the wrapper's closing; empty for a token


def _strip_markup(text: str, base: int, marks: list[_Mark]) -> str:
    """``text`` without its inline markup; the markup goes to ``marks`` (plain offsets)."""
    plain: list[str] = []
    length = base
    last = 0
    for match in _MARKUP.finditer(text):
        before = text[last : match.start()]
        plain.append(before)
        length += len(before)
        last = match.end()
        token = match["code"] or match["opaque"]
        if token:
            tail = text[last : last + 1]
            if plain and plain[-1].endswith(" ") and (not tail or not tail.isalnum()):
                plain[-1] = plain[-1][:-1]  # "early [1]." -> "early." and " [1]" put back
                length -= 1
                token = " " + token
            marks.append(_Mark(length, length, token))
            continue
        if match["link"]:
            inner_text = match["link_text"]
            opening, closing = f"{match['bang']}[", f"]({match['target']})"
        else:
            name = next(n for n in ("bold", "bold_u", "italic", "italic_u") if match[n])
            inner_text = match[name]
            delimiter = {"bold": "**", "bold_u": "__", "italic": "*", "italic_u": "_"}[name]
            opening = closing = delimiter
        inner = _strip_markup(inner_text, length, marks)
        marks.append(_Mark(length, length + len(inner), opening, closing))
        plain.append(inner)
        length += len(inner)
    plain.append(text[last:])
    return "".join(plain)


_END_PUNCT = re.compile(r"[.!?:;]*\Z")


def _insert_before_end(out: str, token: str) -> str:
    cut = _END_PUNCT.search(out)
    at = cut.start() if cut else len(out)
    return out[:at] + token + out[at:]


def _put_back(
    mark: _Mark, plain: str, pieces: tuple[_Piece, ...], outs: list[str], locale: str
) -> None:
    """Put ``mark`` back into the translated pieces ``outs`` (in place)."""
    inside = [
        i
        for i, p in enumerate(pieces)
        if (p.start < mark.end and mark.start < p.end) or p.start <= mark.start <= p.end
    ]
    if not inside:  # in the spaces between pieces: keep it with the piece before
        inside = [max([i for i, p in enumerate(pieces) if p.end <= mark.start] or [0])]
    first, last = inside[0], inside[-1]
    if not mark.after:  # a token
        if mark.start <= pieces[first].start and mark.start < pieces[first].end:
            outs[first] = mark.before.strip() + " " + outs[first]
        else:
            outs[first] = _insert_before_end(outs[first], mark.before)
        return
    piece = pieces[first]
    whole = plain[piece.start : piece.end].rstrip(".!?:; ")
    if first == last and plain[mark.start : mark.end].rstrip(".!?:; ") != whole:
        inner = plain[mark.start : mark.end]
        found = re.search(re.escape(_plain_translation(inner, locale)), outs[first], re.I)
        if found and found.group(0):
            out = outs[first]
            outs[first] = (
                out[: found.start()]
                + mark.before
                + found.group(0)
                + mark.after
                + out[found.end() :]
            )
            return
    # the whole piece (or run of pieces) carries the markup
    outs[first] = mark.before + outs[first]
    ends_inside = plain[mark.start : mark.end].rstrip()[-1:] not in ".!?"
    outs[last] = (
        _insert_before_end(outs[last], mark.after) if ends_inside else outs[last] + mark.after
    )


def _plain_translation(english: str, locale: str) -> str:
    """The translation of a stretch of plain text, without its final punctuation."""
    text = "".join(_render(p, english, locale)[0] for p in _parse(english))
    return text.strip().rstrip(".!?:;")


# -- the API ----------------------------------------------------------------------------------


def translate_with_leftovers(text: str, locale: str) -> tuple[str, list[str]]:
    """The translation of ``text`` into ``locale``, and the English it could not translate."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}: expected one of {', '.join(LOCALES)}")
    marks: list[_Mark] = []
    plain = _strip_markup(text, 0, marks)
    pieces = _parse(plain)
    if not pieces:  # blank, or markup only: nothing to translate
        return text, []
    outs: list[str] = []
    left: list[str] = []
    for piece in pieces:
        out, missing = _render(piece, plain, locale)
        outs.append(out)
        left += missing
    for mark in sorted(marks, key=lambda m: m.end - m.start):
        _put_back(mark, plain, pieces, outs, locale)
    result: list[str] = []
    last = 0
    for piece, out in zip(pieces, outs, strict=True):
        result += [plain[last : piece.start], out]
        last = piece.end
    result.append(plain[last:])
    return "".join(result), left


def translate(text: str, locale: str) -> str:
    """``text``, a translation unit of the speed corpus, in ``locale`` (es, fr or de)."""
    return translate_with_leftovers(text, locale)[0]


# -- self-check -------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+")
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


def english_words() -> frozenset[str]:
    """Every word of the English phrase lists, in lower case."""
    texts = [
        *(word for topic in TOPICS for word in topic),
        *SECTIONS,
        *SUBJECTS,
        *VERBS,
        *OBJECTS,
        *CLAUSES,
        *FIXED,
        *LIST_ITEMS,
        *TITLES,
        *OPENERS,
    ]
    return frozenset(
        w.lower() for text in texts for w in re.findall(r"[A-Za-z]+", _PLACEHOLDER.sub(" ", text))
    )


def target_words(locale: str) -> frozenset[str]:
    """Every word this module writes in ``locale``, in lower case."""
    texts: list[str] = [*_PHRASES[locale].values(), *_FIXED[locale].values()]
    texts += [
        f for kind in FORMS[locale].values() for forms in kind.values() for f in forms.values()
    ]
    texts += _OPENERS[locale].values()
    if locale == "de":
        texts += [" ".join(v[:2]) for v in _SUBJECTS_DE.values()]
        texts += [" ".join(v) for v in _VERBS_DE.values()]
    else:
        texts += [" ".join(v) for v in (_VERBS_ES if locale == "es" else _VERBS_FR).values()]
    return frozenset(w.lower() for t in texts for w in _TOKEN.findall(_PLACEHOLDER.sub(" ", t)))


def english_left(translation: str, english_only: frozenset[str]) -> list[str]:
    """The words of ``translation`` that are English words of the phrase lists and no word
    this module writes in the target language (so "ramipril" or "in" in German do not count)."""
    return [w for w in _TOKEN.findall(translation) if w.lower() in english_only]


def hard_words(texts: Iterable[str], lang: str) -> tuple[int, Counter[str]]:
    """(words, rare or word-part words by count) of ``texts``, as the checker's jargon finder
    classifies them with its default threshold for ``lang``."""
    finder: JargonFinder = finder_for(lexicon_for(lang), DEFAULT_RARE_ZIPF[lang], frozenset())
    total = 0
    hard: Counter[str] = Counter()
    for text in texts:
        for word in _TOKEN.findall(text):
            total += 1
            verdict = finder.classify(word)
            if verdict is not None and verdict[0] in ("rare", "word-part"):
                hard[word] += 1
    return total, hard


@dataclass(slots=True)
class _Unit:
    msgid: str
    msgctxt: str | None
    note: str
    places: int


def corpus_units(folder: Path, articles: int, words: int, seed: int) -> tuple[list[_Unit], Config]:
    """The distinct units of a generated corpus, as ``checker i18n extract`` writes them."""
    from report_speed import extracted_project  # bench/report_speed.py

    config = extracted_project(folder, articles, words, seed)
    units: dict[tuple[str | None, str], _Unit] = {}
    for path in sorted((folder / "locales" / "templates").rglob("*.pot")):
        for entry in read_catalog(path):
            key = (entry.msgctxt, entry.msgid)
            if key in units:
                units[key].places += len(entry.occurrences)
            else:
                units[key] = _Unit(
                    entry.msgid, entry.msgctxt, entry.comment, len(entry.occurrences)
                )
    return list(units.values()), config


def _with_markup(text: str) -> str:
    """``text`` with inline markup added: its first sentence bold, a topic word linked and
    a citation marker before the final period."""
    first = _parse(text)[0]
    out = text[: first.start] + "**" + text[first.start : first.end] + "**" + text[first.end :]
    for word in (*TOPIC_WORDS["m"], *TOPIC_WORDS["c"]):
        at = out.find(word, first.end + 4)
        if at >= 0:
            out = f"{out[:at]}[{word}](https://example.org/{at}){out[at + len(word) :]}"
            break
    return out[:-1] + " [1]." if out.endswith(".") else out


def _markup_kept(units: Sequence[_Unit], locale: str) -> tuple[int, int, list[str]]:
    """(units whose markup, links and numbers survive, units tried, failures shown)."""
    kept = tried = 0
    bad: list[str] = []
    for unit in units:
        if unit.note != "paragraph":
            continue
        source = _with_markup(unit.msgid)
        target = translate(source, locale)
        tried += 1
        same = (
            markup(source) == markup(target)
            and links(source) == links(target)
            and numbers(source, "en") == numbers(target, locale)
        )
        kept += same
        if not same and len(bad) < 2:
            bad.append(f"{source}\n    -> {target}")
    return kept, tried, bad


def self_check(articles: int, words: int, seed: int, samples: int) -> int:
    """Translate every unit of a generated corpus and report what is left of the English."""
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="checker-translations-") as tmp:
        units, config = corpus_units(Path(tmp), articles, words, seed)
    built = time.perf_counter()
    places = sum(u.places for u in units)
    print(
        f"corpus: {articles} articles of ~{words} words (seed {seed}), {len(units)} distinct "
        f"units in {places} places, built and extracted in {built - start:.1f} s"
    )
    translations: dict[str, list[tuple[str, list[str]]]] = {}
    for locale in LOCALES:
        translations[locale] = [translate_with_leftovers(u.msgid, locale) for u in units]
    translated = time.perf_counter()
    seconds = translated - built
    print(
        f"translated {len(units) * len(LOCALES)} units in {seconds:.2f} s "
        f"({seconds / (len(units) * len(LOCALES)) * 1e6:.0f} us a unit)\n"
    )
    english = english_words()
    failed = False
    en_words, en_hard = hard_words((u.msgid for u in units), "en")
    print(
        "locale  units with English words  with untranslated text  "
        "TRN findings (checker QA)  rare words per 1,000"
    )
    print(
        f"en      (source)                                                   "
        f"{1000 * en_hard.total() / en_words:5.1f}"
    )
    details: list[str] = []
    for locale in LOCALES:
        english_only = english - target_words(locale)
        with_english: Counter[str] = Counter()
        english_units = untranslated_units = 0
        for (text, left), unit in zip(translations[locale], units, strict=True):
            found = english_left(text, english_only)
            with_english.update(w.lower() for w in found)
            english_units += bool(found)
            untranslated_units += bool(left)
            if (found or left) and len(details) < 6:
                details.append(f"  {locale}: {unit.msgid[:100]}\n   -> {text[:100]} {left}")
        catalog = polib.POFile()
        for (text, _), unit in zip(translations[locale], units, strict=True):
            entry = polib.POEntry(msgid=unit.msgid, msgstr=text, comment=unit.note)
            entry.msgctxt = unit.msgctxt
            catalog.append(entry)
        qa = Counter(
            f.code
            for f in check_catalog(catalog, locale, locale, "en", config.i18n, config.languages)
        )
        words_in, hard = hard_words((text for text, _ in translations[locale]), locale)
        share = 100.0 * english_units / len(units)
        failed |= english_units > 0 or untranslated_units > 0
        qa_text = ", ".join(f"{code} {n}" for code, n in sorted(qa.items())) or "none"
        print(
            f"{locale:<7} {english_units:>6} ({share:.2f}%)          {untranslated_units:>6}"
            f"                  {qa_text:<26} {1000 * hard.total() / words_in:5.1f}"
        )
        if with_english:
            print(f"        English words left: {dict(with_english.most_common(10))}")
        top = ", ".join(f"{w} {n}" for w, n in hard.most_common(10))
        details.append(f"  {locale} rare words (most frequent): {top}")
    top = ", ".join(f"{w} {n}" for w, n in en_hard.most_common(10))
    details.insert(0, f"  en rare words (most frequent): {top}")
    print("\n".join(["", *details]))

    kept_lines = []
    for locale in LOCALES:
        kept, tried, bad = _markup_kept(units[:400], locale)
        failed |= kept < tried
        kept_lines.append(f"{locale} {kept}/{tried}")
        kept_lines += [f"  {b}" for b in bad]
    print(
        "\nmarkup, link targets and numbers kept (paragraphs with markup added): "
        + "  ".join(kept_lines)
    )

    print("\nSAMPLES")
    wanted = ("front matter: title", "heading level 2", "list item", "paragraph")
    shown: list[_Unit] = []
    for note in wanted:
        shown += [u for u in units if u.note == note and any(c.isdigit() for c in u.msgid)][:1] or [
            u for u in units if u.note == note
        ][:1]
    shown += [u for u in units if u.note == "front matter: description"][:samples]
    index = {id(u): i for i, u in enumerate(units)}
    for unit in shown:
        print(f"[{unit.note}]\n  en: {unit.msgid}")
        for locale in LOCALES:
            print(f"  {locale}: {translations[locale][index[id(unit)]][0]}")
    total = time.perf_counter() - start
    print(f"\nself-check {'FAIL' if failed else 'PASS'} in {total:.1f} s")
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--samples", type=int, default=1, help="descriptions shown as samples")
    args = parser.parse_args(argv)
    return self_check(args.articles, args.words, args.seed, args.samples)


if __name__ == "__main__":
    raise SystemExit(main())
