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


MORE = {  # relative days told before, times ahead, sets, parts of day, decades and centuries, recent and coming
    "fr": ("Le sommet s'est tenu le 3 mars ; le lendemain, les ministres ont signé. Ils se reverront dans trois "
           "semaines et se parlent chaque lundi. Dans les années 1990 et au XXe siècle, au premier trimestre "
           "2024. Puis à midi et dans la matinée. Ces dernières semaines, les combats ont repris ; dans les "
           "prochains jours on verra. Depuis des années la guerre continue. La veille du sommet, rien.",
           {"le lendemain": "2025-03-04", "trois semaines": "2025-W14", "chaque lundi": "XXXX-WXX-1",
            "années 1990": "199", "XXe siècle": "19", "premier trimestre 2024": "2024-Q1",
            "midi": "2025-03-12T12:00", "la matinée": "2025-03-12TMO", "dernières semaines": "PAST_REF",
            "prochains jours": "FUTURE_REF", "des années": "PXY"}),
    "de": ("Der Gipfel fand am 3. März statt; am nächsten Tag unterschrieben die Minister. Sie treffen sich in "
           "drei Wochen wieder und sprechen jeden Montag, dazu jeden Monat. In den 1990er Jahren und im 20. "
           "Jahrhundert, im ersten Quartal 2024. Um Mitternacht, dann am Nachmittag. In den letzten Wochen ging "
           "der Krieg weiter; in den kommenden Tagen sehen wir. Seit Jahren dauert der Krieg. In Zukunft nicht.",
           {"nächsten Tag": "2025-03-04", "drei Wochen": "2025-W14", "jeden Montag": "XXXX-WXX-1",
            "jeden Monat": "P1M", "1990er Jahren": "199", "20. Jahrhundert": "19", "ersten Quartal 2024": "2024-Q1",
            "Mitternacht": "2025-03-12T00:00", "Nachmittag": "2025-03-12TAF", "letzten Wochen": "PAST_REF",
            "kommenden Tagen": "FUTURE_REF", "Jahren": "PXY", "Zukunft": "FUTURE_REF"}),
    "es": ("La cumbre se celebró el 3 de marzo; al día siguiente los ministros firmaron. Volverán a verse dentro "
           "de tres semanas y hablan cada lunes. En los años noventa, en la década de 1980 y en el siglo XX, en "
           "el primer trimestre de 2024. A medianoche, luego por la tarde. En las últimas semanas la guerra "
           "siguió; en los próximos días veremos. Desde hace años dura la guerra. La víspera de la cumbre, nada.",
           {"día siguiente": "2025-03-04", "dentro de tres semanas": "2025-W14", "cada lunes": "XXXX-WXX-1",
            "años noventa": "199", "década de 1980": "198", "siglo XX": "19", "primer trimestre de 2024": "2024-Q1",
            "medianoche": "2025-03-12T00:00", "la tarde": "2025-03-12TAF", "últimas semanas": "PAST_REF",
            "próximos días": "FUTURE_REF", "hace años": "PXY"}),
}


@pytest.mark.parametrize("lang", sorted(MORE))
def test_more_of_each_language_as_data(lang):
    text, want = MORE[lang]
    found = timex3(analyse(text, lang=lang, published="2025-03-12"))
    got = {k: v[1] for k, v in found.items()}
    for expr, value in want.items():
        hit = [got[expr]] if expr in got else [v for k, v in got.items() if expr in k]
        assert hit == [value], (expr, got)
    assert not [k for k in got if k.lower().startswith(("veille", "la veille", "víspera", "la víspera"))]
