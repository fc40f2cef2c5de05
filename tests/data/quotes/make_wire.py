"""Writes wire.jsonl: one story told by six outlets (articles written for the tests)."""
import json
from pathlib import Path

ARTICLES = [
    ("afp-1130", "AFP", "2025-11-30T09:10:00+01:00", "Le Kremlin tempère les espoirs d'un sommet",
     "Moscou, 30 novembre (AFP). Le Kremlin a tempéré dimanche les espoirs d'une rencontre rapide.\n"
     "« Les discussions avancent, mais aucun calendrier n'a été fixé pour une rencontre au sommet », "
     "a déclaré Dmitri Peskov, porte-parole de la présidence russe, lors de son point de presse.\n"
     "La ministre des Armées, Hélène Marchetti, a réagi dans la soirée. « Nous ne signerons aucun "
     "accord qui menace l'intégrité de nos frontières et la sécurité de nos citoyens », a-t-elle "
     "affirmé devant les députés.\n"),
    ("figaro-1130", "Le Figaro", "2025-11-30T11:02:00+01:00", "Pas de date pour un sommet",
     "Le porte-parole du Kremlin a douché les espoirs de ceux qui attendaient une date.\n"
     "« Les discussions avancent, mais aucun calendrier n’a été fixé pour une rencontre au sommet », "
     "a expliqué Dmitri Peskov, selon l'AFP.\n"
     "À Paris, Hélène Marchetti a fixé ses limites : « Nous ne signerons aucun accord qui menace "
     "l’intégrité de nos frontières et la sécurité de nos citoyens. »\n"),
    ("monde-1201", "Le Monde", "2025-12-01", "La diplomatie du calendrier",
     "Lundi, le Kremlin n'avait toujours rien annoncé.\n"
     "« Aucun calendrier n'a été fixé pour une rencontre au sommet », a précisé Dmitri Peskov, "
     "sans fermer la porte à des contacts.\n"
     "Mme Marchetti a répété que « nous ne signerons aucun accord qui menace l'intégrité de nos "
     "frontières et la sécurité de nos alliés », a-t-elle dit.\n"),
    ("rfi-1201", "RFI", "2025-12-01T07:30:00Z", "Moscou et Washington se parlent",
     "Les échanges se poursuivent entre les deux capitales.\n"
     "« Les discussions avancent [...] aucun calendrier n'a été fixé », a souligné Dmitri Peskov.\n"
     "Hélène Marchetti a été claire : « Nous ne signerons aucun accord avec ce gouvernement », "
     "a-t-elle lancé aux journalistes.\n"),
    ("ouest-1201", "Ouest-France", "2025-12-01T18:45:00+01:00", "Pas de sommet en vue",
     "Le Kremlin ne donne pas de date.\n"
     "« Les discussions avancent, mais aucun calendrier n'a été fixé pour une rencontre au sommet », "
     "a affirmé Iouri Ouchakov, conseiller diplomatique du Kremlin.\n"),
    ("blog-1202", "Le Blog du matin", "2025-12-02", "Revue de presse",
     "La presse de la veille revenait sur le dossier.\n"
     "« Les discussions avancent, mais aucun calendrier n'a été fixé pour une rencontre au sommet », "
     "a-t-on appris dimanche.\n"),
]

with Path(__file__).with_name("wire.jsonl").open("w", encoding="utf-8") as out:
    for id_, outlet, date, title, text in ARTICLES:
        record = {"id": id_, "outlet": outlet, "date": date, "title": title, "text": text}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
