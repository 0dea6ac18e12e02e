"""French, German and Spanish as data only (data/lang/<code>/time.yaml): dates, relative days, durations,
references and sets resolved against the document date (our own sentences)."""
import pytest

from test_time_timex3 import analyse, timex3

CASES = {
    "fr": ("Les négociateurs se sont vus hier et se reverront mardi prochain. Le sommet du 5 septembre 2025 "
           "a duré trois heures ; il y a deux semaines, rien n'était prévu. Ils se parlent chaque jour, "
           "actuellement sans résultat.",
           {"hier": "2025-09-09", "mardi prochain": "2025-09-16", "5 septembre 2025": "2025-09-05",
            "trois heures": "PT3H", "il y a deux semaines": "2025-W35", "chaque jour": "P1D",
            "actuellement": "PRESENT_REF"}),
    "de": ("Die Unterhändler trafen sich gestern und sprechen am 12. September erneut. Vor drei Tagen war "
           "nichts geplant; die Gespräche dauerten zwei Stunden. Derzeit gibt es täglich Kontakte.",
           {"gestern": "2025-09-09", "12. September": "2025-09-12", "Vor drei Tagen": "2025-09-07",
            "zwei Stunden": "PT2H", "Derzeit": "PRESENT_REF", "täglich": "P1D"}),
    "es": ("Los negociadores se reunieron ayer y volverán a verse el 12 de septiembre. Hace tres días no "
           "había nada previsto; las conversaciones duraron dos horas. Actualmente hablan cada día.",
           {"ayer": "2025-09-09", "12 de septiembre": "2025-09-12", "Hace tres días": "2025-09-07",
            "dos horas": "PT2H", "Actualmente": "PRESENT_REF", "cada día": "P1D"}),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_language_as_data(lang):
    text, want = CASES[lang]
    got = {k: v[1] for k, v in timex3(analyse(text, lang=lang, published="2025-09-10")).items()}
    for expr, value in want.items():
        assert got.get(expr) == value, (expr, got)
