"""The words dates are written with, in many languages: month names and the words a line that
shows only a date may hold beside it (weekdays, "at", year marks, time zones).

All lower case, without a final dot.  A name two languages give different months keeps the
first one listed.
"""

from __future__ import annotations

_MONTH_NAMES = (
    # English, German, French, Spanish, Italian, Portuguese, Dutch, Polish, Czech, Romanian,
    # Scandinavian, Indonesian, Slovak, Slovene, Catalan, Hungarian, Finnish, Turkish, Russian,
    # Ukrainian, Bulgarian, Serbian, Greek, Arabic.
    "january jan januar janvier enero ene gennaio gen janeiro januari jänner jän stycznia "
    "styczeń leden ledna ianuarie januára gener január tammikuuta tammikuu ocak января январь "
    "янв січня січень януари јануар ιανουαρίου ιανουάριος ιαν يناير",
    "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev "
    "februari lutego luty únor února februarie februára febrer február helmikuuta helmikuu "
    "şubat февраля февраль фев лютого лютий февруари фебруар φεβρουαρίου φεβρουάριος φεβ "
    "فبراير",
    "march mar märz maerz mars marzo março marco maart marca marzec březen března martie "
    "marts maret marec març március maaliskuuta maaliskuu mart марта март мар березня "
    "березень μαρτίου μάρτιος μαρ مارس",
    "april apr avril abril aprile abr kwietnia kwiecień duben dubna aprilie apríla április "
    "huhtikuuta huhtikuu nisan апреля апрель апр квітня квітень април απριλίου απρίλιος απρ "
    "أبريل ابريل",
    "may mai mayo maggio mag maio mei maja maj květen května mája maig május toukokuuta "
    "toukokuu mayıs мая май травня травень мај μαΐου μαΐου μάιος μαι مايو",
    "june jun juni juin junio giugno giu junho czerwca czerwiec červen června iunie júna "
    "junij juny június kesäkuuta kesäkuu haziran июня июнь июн червня червень юни јун "
    "ιουνίου ιούνιος ιουν يونيو",
    "july jul juli juillet juil julio luglio lug julho lipca lipiec červenec července iulie "
    "júla julij juliol július heinäkuuta heinäkuu temmuz июля июль июл липня липень юли јул "
    "ιουλίου ιούλιος ιουλ يوليو",
    "august aug août aout agosto ago augustus sierpnia sierpień srpen srpna augusti agustus "
    "augusta avgust agost augusztus elokuuta elokuu ağustos августа август авг серпня "
    "серпень αυγούστου αύγουστος αυγ أغسطس اغسطس",
    "september sep sept septembre septiembre set settembre setembro września wrzesień září "
    "septembrie septembra setembre szeptember syyskuuta syyskuu eylül сентября сентябрь сен "
    "сент вересня вересень септември септембар σεπτεμβρίου σεπτέμβριος σεπ سبتمبر",
    "october oct okt oktober octobre octubre ottobre ott outubro out października "
    "październik říjen října octombrie októbra octubre október lokakuuta lokakuu ekim "
    "октября октябрь окт жовтня жовтень октомври октобар οκτωβρίου οκτώβριος οκτ أكتوبر "
    "اكتوبر",
    "november nov novembre noviembre novembro listopada listopad listopadu noiembrie "
    "novembra marraskuuta marraskuu kasım ноября ноябрь ноя листопада листопад ноември "
    "новембар νοεμβρίου νοέμβριος νοε نوفمبر",
    "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro "
    "grudnia grudzień prosinec prosince decembrie desember decembra desembre joulukuuta "
    "joulukuu aralık декабря декабрь дек грудня грудень декември децембар δεκεμβρίου "
    "δεκέμβριος δεκ ديسمبر",
)

#: Month names (and common abbreviations) by lower-case word.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(_MONTH_NAMES, start=1):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)

#: Words a line that shows only a date may hold besides it.
BESIDE_DATE = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
        "at", "am", "pm", "um", "à", "de", "del", "d", "of", "the", "le", "el", "di",
        # Year marks and "at" in Russian and Ukrainian ("19 декабря 2025 г. в 10:30").
        "г", "года", "р", "року", "в", "о",
        # The characters of a CJK date ("2025年12月19日", "2025년 12월 19일") and the words of a
        # Vietnamese one ("ngày 19 tháng 12 năm 2025").
        "年", "月", "日", "号", "號", "년", "월", "일", "ngày", "tháng", "năm",
        "utc", "gmt", "est", "edt", "pst", "pdt", "cet", "cest", "bst", "ist",
    }
)  # fmt: skip
