#!/usr/bin/env python3
"""Writes articles.jsonl and gold.json: invented multi-outlet clusters (our own sentences, no copied
text) with a hand-made sitrep-gold/1 annotation. Ten attacks in nine countries, each told by two
to five outlets in different styles (agency lede, dated dateline, local paper with a long human
opening, live update, follow-up with a funeral or a vigil, analysis piece, reports in French and
Spanish); three are coordinated waves (one story, two towns), two of them with a toll given for
both towns together; one attack targets a peaceful march. Six noise pieces (a court case, a
peaceful march, two anniversaries, a policy piece, a march against one of the attacks) report no
new attack.

Conventions (../../../../shared/eval/README.md): killed counts every death, attackers included;
best is the latest official figure, low/high the spread across outlets. Articles that only recall
an attack are the story's background_docs; noise articles that recall nothing in this set sit in
a story with no docs, so an incident made from them counts as a false positive."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# (doc_id, source, published, lang, text)
ARTICLES = [
# --- S1: car bomb at a market in Tuz Khurmatu, Iraq, Friday 2 May 2025 (evening) -----------------
("nc-01", "agency-a", "2025-05-02", "en",
 "A car bomb tore through a crowded vegetable market in the northern Iraqi town of Tuz Khurmatu on Friday evening, killing at least 12 people and wounding more than 30, officials said.\n"
 "The vehicle had been parked beside fruit stalls and exploded as families shopped before the weekend, a police officer said.\n"
 "Ambulances ferried the wounded to hospitals in Kirkuk, about 75 kilometres to the north.\n"
 "No group immediately claimed responsibility for the bombing."),
("nc-02", "agency-b", "2025-05-03", "en",
 "KIRKUK, Iraq, May 3 (Reuters) - The number of people killed by a car bomb at a market in Tuz Khormato late on Friday has risen to 19, a health official said on Saturday.\n"
 "Forty-one people were being treated for wounds, some of them in critical condition, the official said.\n"
 "Islamic State claimed responsibility for the blast in a statement on its Telegram channels, saying it had targeted a gathering of Shi'ite Turkmen.\n"
 "The town, which has a mixed Turkmen, Kurdish and Arab population, lies in territory disputed between Baghdad and the Kurdistan region."),
("nc-03", "live-c", "2025-05-03", "en",
 "Live updates: Iraq market bombing\n"
 "10:05 The death toll has risen to 17, the mayor of Tuz Khurmatu told local television, as rescuers searched the charred remains of the stalls.\n"
 "09:40 Security forces have closed the roads into the town and set up extra checkpoints, a witness told us.\n"
 "08:15 Prime Minister's office says an investigation committee has been sent to the scene of last night's explosion."),
("nc-04", "paper-d", "2025-05-05", "en",
 "Hundreds of mourners carried coffins through the streets of Tuz Khurmatu on Sunday as the town buried victims of Friday's car bombing, which killed nearly two dozen people.\n"
 "Shopkeepers said they did not know when the market would reopen.\n"
 "\"We have buried my brother and my two nephews,\" said one man at the cemetery.\n"
 "Local leaders called on the federal government to send more troops to protect the town."),
("nc-05", "analysis-e", "2025-05-20", "en",
 "Analysis: Why Iraq's disputed territories remain a gap in its security\n"
 "More than seven years after the defeat of Islamic State's self-declared caliphate, the strip of land between Kurdish and federal forces is still where the group finds room to move.\n"
 "The bombing of a market in Tuz Khurmatu earlier this month, which killed 19 people, was a reminder that cells remain active in the foothills of the Hamrin mountains.\n"
 "Joint patrols agreed last year have rarely taken place, officials on both sides admit, and each blames the other."),
# --- S2: coordinated attacks on Dori and Gorom-Gorom, Burkina Faso, Sunday 15 June 2025 ----------
("nc-06", "agency-a", "2025-06-16", "en",
 "Jihadist fighters attacked army positions in two towns in northern Burkina Faso on Sunday, killing at least 24 soldiers and gendarmes, security sources said on Monday.\n"
 "In Dori, the main town of the Sahel region, assailants on motorbikes stormed a military camp at dawn and killed 15 soldiers.\n"
 "Hours later another column attacked the gendarmerie post in Gorom-Gorom, about 50 kilometres to the north, where nine gendarmes were killed.\n"
 "The army said its aircraft had struck the retreating fighters, without giving a toll."),
("nc-07", "journal-f", "2025-06-17", "fr",
 "Des hommes armés ont attaqué dimanche le camp militaire de Dori et la brigade de gendarmerie de Gorom Gorom, dans la région du Sahel, faisant au moins 26 morts parmi les forces de défense et de sécurité, selon des sources sécuritaires.\n"
 "À Dori, seize soldats ont été tués lors de l'assaut contre le camp.\n"
 "À Gorom Gorom, dix gendarmes ont perdu la vie.\n"
 "Les habitants de Dori racontent avoir entendu des tirs nourris pendant plus de deux heures."),
("nc-08", "agency-b", "2025-06-16", "en",
 "OUAGADOUGOU, June 16 (Reuters) - Militants linked to al Qaeda killed more than 20 soldiers in coordinated attacks on two towns in Burkina Faso's Sahel region on Sunday, two security sources said.\n"
 "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed the assaults on Dori and Gorom-Gorom in a statement on Monday.\n"
 "The junta, which took power in 2022 promising to restore security, did not respond to a request for comment."),
("nc-09", "paper-g", "2025-06-18", "en",
 "Burkina Faso declared three days of national mourning on Wednesday for the soldiers and gendarmes killed in Sunday's attacks on Dori and Gorom-Gorom.\n"
 "In its first official toll, the army said 25 members of the security forces had been killed in the two attacks.\n"
 "Flags will fly at half mast on public buildings until Friday, the government spokesman said."),
# --- S3: suicide car bomb at a police station in Lakki Marwat, Pakistan, Saturday 8 March 2025 night
("nc-10", "agency-a", "2025-03-09", "en",
 "A suicide bomber rammed an explosives-laden car into the gate of a police station in Lakki Marwat late Saturday, killing seven people including the attacker, police said Sunday.\n"
 "Eleven others were wounded, among them two children from a house next to the station, a police spokesman said.\n"
 "The blast brought down part of the station's outer wall."),
("nc-11", "paper-h", "2025-03-09", "en",
 "LAKKI MARWAT: Six policemen were martyred and 11 others injured when a suicide bomber attacked the Saddar police station here on Saturday night, officials said.\n"
 "The district police officer said the bomber drove a car packed with explosives at the main gate after guards tried to stop him.\n"
 "A little-known group, Ittehad-ul-Mujahideen Pakistan, claimed responsibility for the attack, while the banned Tehreek-i-Taliban Pakistan said it had no part in it.\n"
 "The bodies were shifted to the district headquarters hospital."),
("nc-12", "agency-b", "2025-03-09", "en",
 "The death toll from an overnight suicide attack on a police station in northwest Pakistan rose to eight, including the bomber, after a wounded constable died in hospital, officials said on Sunday.\n"
 "The attack in Lakki Marwat district was the third on police in the district this year."),
# --- S4: attacks on Jamundi (Valle del Cauca) and Corinto (Cauca), Colombia, Friday 18 July 2025 --
("nc-13", "diario-i", "2025-07-19", "es",
 "Dos policías muertos y nueve heridos dejó un ataque con una moto bomba contra la estación de policía de Jamundí, en el Valle del Cauca, este viernes.\n"
 "Horas después, en Corinto, Cauca, un soldado murió en un ataque con drones contra la base del Ejército, informaron las autoridades.\n"
 "El ministro de Defensa atribuyó los ataques a las disidencias de las FARC del Estado Mayor Central.\n"
 "Los comerciantes del centro de Jamundí cerraron sus negocios tras la explosión."),
("nc-14", "agency-a", "2025-07-18", "en",
 "Rebels attacked police and army posts in two towns in southwestern Colombia on Friday, killing three members of the security forces, officials said.\n"
 "Two police officers were killed when a motorcycle bomb exploded outside the police station in Jamundi, south of Cali, and a soldier died when drones dropped explosives on an army base in Corinto, in neighbouring Cauca province.\n"
 "The defence minister blamed dissidents of the former FARC guerrilla group who rejected the 2016 peace deal."),
("nc-15", "agency-b", "2025-07-21", "en",
 "BOGOTA, July 21 (Reuters) - A police officer wounded in Friday's bombing in Jamundi died in hospital on Sunday, raising the toll from the attacks in Colombia's southwest to four, the police said.\n"
 "Thousands of people marched peacefully through Cali on Sunday to reject the violence.\n"
 "President's office said security would be reinforced in the region."),
# --- S5: missile strike on Kryvyi Rih, Ukraine, Tuesday 16 September 2025 (evening) -------------
("nc-16", "agency-b", "2025-09-17", "en",
 "KYIV, Sept 17 (Reuters) - A Russian ballistic missile hit a residential district of the central Ukrainian city of Kryvyi Rih on Tuesday evening, killing 14 people, including three children, and wounding more than 50, the regional governor said on Wednesday.\n"
 "The missile struck between a five-storey apartment block and a playground, he said.\n"
 "Russia's defence ministry said it had hit a meeting of military commanders in the city, a claim Kyiv rejected."),
("nc-17", "live-c", "2025-09-17", "en",
 "Ukraine war live\n"
 "16:30 The death toll from the Russian missile strike on Krivoy Rog has risen to 16, the head of the city's military administration said on Telegram.\n"
 "15:10 Air raid alerts were issued across eastern regions this afternoon."),
("nc-18", "paper-d", "2025-09-19", "en",
 "Kryvyy Rih held a day of mourning on Thursday for the 17 people killed in Tuesday's missile strike, as the last of the wounded children left intensive care.\n"
 "Residents laid flowers and toys at the playground where several of the victims died.\n"
 "The city's mayor said 38 apartment blocks had been damaged."),
# --- S6: roadside bomb near Mandera, Kenya, Saturday 23 August 2025 ------------------------------
("nc-19", "paper-j", "2025-08-24", "en",
 "For Halima Abdi, Saturday began like any other.\n"
 "She made tea, walked her three children to the gate and waved as her husband, a police reservist for eleven years, climbed into the back of the patrol truck.\n"
 "\"He told me he would be home before the evening prayer,\" she said, sitting on a mat surrounded by relatives.\n"
 "By midday he was among eight officers killed when their vehicle struck an improvised explosive device on the outskirts of Mandera town.\n"
 "Two more officers were seriously injured and were airlifted to Nairobi.\n"
 "Mandera, on the border with Somalia and Ethiopia, has seen repeated attacks on security patrols."),
("nc-20", "agency-a", "2025-08-23", "en",
 "Eight Kenyan police officers were killed Saturday when their vehicle hit a roadside bomb near the town of Mandera, close to the Somali border, police said.\n"
 "Police blamed the Somali-based extremist group al-Shabab, which has carried out many such attacks in the region."),
("nc-21", "paper-j", "2025-08-26", "en",
 "Mourners in Mandera on Monday buried five of the eight officers killed in Saturday's bombing, in a ceremony attended by the county commissioner.\n"
 "Al-Shabaab had claimed the attack in a statement on its radio station on Sunday.\n"
 "The remaining three bodies were flown to their home counties."),
# --- S7: gunmen raid a village in Bokkos, Plateau state, Nigeria, late Saturday 11 October 2025 ---
("nc-22", "paper-k", "2025-10-12", "en",
 "Gunmen killed scores of villagers in an overnight raid on a farming village in Bokkos local government area of Plateau state, residents said on Sunday.\n"
 "The attackers arrived shortly before midnight, shooting at people as they ran from their homes and setting houses alight.\n"
 "\"We counted bodies until morning,\" a youth leader said."),
("nc-23", "agency-a", "2025-10-12", "en",
 "At least 40 people were killed when armed men attacked a village in central Nigeria's Plateau state late Saturday, a local government official said Sunday.\n"
 "Dozens of homes were burned in the attack in Bokkos, the official said.\n"
 "Plateau has seen years of deadly clashes between farmers and herders over land."),
("nc-24", "agency-b", "2025-10-13", "en",
 "ABUJA, Oct 13 (Reuters) - The death toll from an attack by gunmen on a village in Nigeria's Plateau state at the weekend has risen to 52, the Red Cross said on Monday.\n"
 "Survivors said the attackers struck as villagers slept in Bokkos district.\n"
 "President Bola Tinubu ordered security agencies to find those responsible."),
("nc-25", "paper-k", "2025-10-14", "en",
 "Residents of Bokkos on Tuesday buried 52 victims of Saturday night's attack in a mass grave, as women wept beside the rows of coffins.\n"
 "The state governor, who attended the burial, promised to rebuild the torched homes."),
# --- S8: car bomb near a bus station in Manbij, Syria, Thursday 13 November 2025 ----------------
("nc-26", "agency-a", "2025-11-13", "en",
 "A car bomb exploded near a bus station in the northern Syrian town of Manbij on Thursday, killing 11 people, most of them farm workers waiting for transport, Syria's civil defence said.\n"
 "At least 15 others were wounded.\n"
 "There was no immediate claim of responsibility."),
("nc-27", "agency-b", "2025-11-14", "en",
 "DAMASCUS, Nov 14 (Reuters) - The toll from a car bombing in the town of Menbij rose to 14 on Friday, the civil defence service said, after three of the wounded died overnight.\n"
 "The explosion on Thursday hit a minibus carrying agricultural workers."),
("nc-28", "monitor-l", "2025-11-14", "en",
 "A war monitor said on Friday that 16 people were killed in Thursday's car bomb attack in Manbij, higher than the official figure.\n"
 "The monitor said most of the dead were women who worked on farms outside the town."),
# --- S9: gunmen fire on a peaceful march in Celaya, Mexico, Sunday 6 April 2025 -------------------
("nc-33", "agency-b", "2025-04-06", "en",
 "MEXICO CITY, April 6 (Reuters) - Gunmen opened fire on a peaceful march against violence in the central Mexican city of Celaya on Sunday, killing six people and wounding nine, Guanajuato state prosecutors said.\n"
 "The marchers were walking towards the town hall when two pickup trucks pulled up beside them, witnesses said."),
("nc-34", "paper-n", "2025-04-08", "en",
 "Hundreds of people held a candlelight vigil in Celaya on Tuesday for the six marchers killed in Sunday's attack, as prosecutors said they had identified the gunmen's vehicles.\n"
 "Relatives carried photographs of the victims through the city centre."),
("nc-35", "diario-o", "2025-04-13", "es",
 "Miles de personas marcharon pacíficamente este sábado en la Ciudad de México para rechazar el ataque contra una marcha en Celaya que dejó seis muertos la semana pasada.\n"
 "Los organizadores pidieron justicia para las víctimas."),
# --- S10: bandits attack Gusau and Tsafe, Zamfara, Nigeria, Tuesday 11 February 2025 (night) ------
("nc-36", "agency-a", "2025-02-12", "en",
 "Armed bandits attacked Gusau and Tsafe in northwest Nigeria's Zamfara state on Tuesday night, killing 12 people, police said on Wednesday.\n"
 "In Gusau, the gunmen shot dead seven traders at a cattle market before fleeing on motorcycles.\n"
 "Five villagers were killed in Tsafe, where the attackers also abducted about 20 women, a local official said."),
("nc-37", "paper-k", "2025-02-13", "en",
 "The death toll from Tuesday night's attacks on Gusau and Tsafe has risen to 14, the Zamfara state government said on Thursday, after two of the wounded died.\n"
 "Residents of both towns buried their dead on Wednesday."),
# --- noise: no new attack -----------------------------------------------------------------------
("nc-29", "paper-j", "2025-06-05", "en",
 "A court in Nairobi on Thursday sentenced two men to 30 years in prison each for helping to plan the 2019 attack on a hotel complex in which 21 people were killed.\n"
 "The judge said the two had provided the attackers with money and a safe house.\n"
 "A third defendant was acquitted for lack of evidence."),
("nc-30", "diario-m", "2025-07-09", "en",
 "Thousands of people marched through central Lima on Wednesday to demand higher pensions and an end to corruption.\n"
 "Police said the march was peaceful and no arrests were made.\n"
 "Organisers said they would return to the streets next month if Congress did not act."),
("nc-31", "paper-h", "2025-01-30", "en",
 "Families gathered in Peshawar on Thursday to mark the second anniversary of the suicide bombing at a mosque inside the police lines that killed more than 80 people, most of them policemen.\n"
 "Relatives said they were still waiting for the findings of the inquiry.\n"
 "Senior officers laid wreaths at a memorial inside the compound."),
("nc-38", "journal-f", "2025-03-15", "fr",
 "Des centaines de personnes se sont rassemblées samedi à Grand-Bassam pour commémorer l'attentat contre une plage de la ville, qui avait fait 19 morts en 2016.\n"
 "Les autorités ont rappelé que la menace reste élevée dans le nord du pays."),
("nc-32", "paper-j", "2025-09-10", "en",
 "Kenya will deploy two more police units along its border with Somalia, the interior ministry said on Wednesday, weeks after a roadside bomb near Mandera killed eight officers.\n"
 "The ministry said new armoured vehicles would be delivered to the border counties by December.\n"
 "Opposition lawmakers said the plan came too late."),
]

# incident: id, story, date, alt dates, country, admin1, place, aliases, lat, lon, radius,
#           killed (low, best, high), perpetrator aliases, docs
INCIDENTS = [
("tuz", "S1", "2025-05-02", [], "IQ", "Salah ad-Din Governorate", "Tuz Khurmatu",
 ["Tuz Khormato", "Tuz Khurmatu", "Tuz Khurmato"], 34.89, 44.63, 25, (12, 19, 23),
 ["Islamic State", "IS", "ISIS"], ["nc-01", "nc-02", "nc-03", "nc-04"]),
("dori", "S2", "2025-06-15", [], "BF", "Sahel Region", "Dori", [], 14.03, -0.03, 25, (15, 16, 16),
 ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"], ["nc-06", "nc-07", "nc-08", "nc-09"]),
("gorom", "S2", "2025-06-15", [], "BF", "Sahel Region", "Gorom-Gorom", ["Gorom Gorom"], 14.44, -0.23,
 25, (9, 10, 10), ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"],
 ["nc-06", "nc-07", "nc-08", "nc-09"]),
("lakki", "S3", "2025-03-08", ["2025-03-09"], "PK", "Khyber Pakhtunkhwa", "Lakki Marwat",
 ["Lakki"], 32.61, 70.91, 30, (7, 8, 8), ["Ittehad-ul-Mujahideen Pakistan"],
 ["nc-10", "nc-11", "nc-12"]),
("jamundi", "S4", "2025-07-18", [], "CO", "Valle del Cauca", "Jamundí", ["Jamundi"], 3.26, -76.54, 15,
 (2, 3, 3), ["FARC dissidents", "Estado Mayor Central", "FARC"], ["nc-13", "nc-14", "nc-15"]),
("corinto", "S4", "2025-07-18", [], "CO", "Cauca", "Corinto", [], 3.17, -76.26, 15, (1, 1, 1),
 ["FARC dissidents", "Estado Mayor Central", "FARC"], ["nc-13", "nc-14"]),
("kryvyi", "S5", "2025-09-16", [], "UA", "Dnipropetrovska oblast", "Kryvyi Rih",
 ["Kryvyy Rih", "Krivoy Rog", "Kryvyi Rih"], 47.91, 33.39, 25, (14, 17, 17),
 ["Russia", "Russian forces", "Russian Armed Forces"], ["nc-16", "nc-17", "nc-18"]),
("mandera", "S6", "2025-08-23", [], "KE", "Mandera", "Mandera", [], 3.94, 41.86, 30, (8, 8, 8),
 ["al-Shabaab", "al-Shabab"], ["nc-19", "nc-20", "nc-21"]),
("bokkos", "S7", "2025-10-11", ["2025-10-12"], "NG", "Plateau", "Bokkos", [], 9.30, 8.99, 30,
 (40, 52, 52), [], ["nc-22", "nc-23", "nc-24", "nc-25"]),
("celaya", "S9", "2025-04-06", [], "MX", "Guanajuato", "Celaya", [], 20.52, -100.82, 20, (6, 6, 6),
 [], ["nc-33", "nc-34"]),
("gusau", "S10", "2025-02-11", ["2025-02-12"], "NG", "Zamfara", "Gusau", [], 12.17, 6.66, 20,
 (7, 7, 7), [], ["nc-36", "nc-37"]),
("tsafe", "S10", "2025-02-11", ["2025-02-12"], "NG", "Zamfara", "Tsafe", [], 11.96, 6.92, 20,
 (5, 5, 5), [], ["nc-36", "nc-37"]),
("manbij", "S8", "2025-11-13", [], "SY", "Aleppo Governorate", "Manbij", ["Menbij", "Minbij"],
 36.53, 37.95, 25, (11, 14, 16), [], ["nc-26", "nc-27", "nc-28"]),
]

# story: id, killed (low, best, high) or None, background docs
STORIES = {
    "S1": ((12, 19, 23), ["nc-05"]),
    "S2": ((21, 25, 26), []),
    "S3": ((7, 8, 8), []),
    "S4": ((3, 4, 4), []),
    "S5": ((14, 17, 17), []),
    "S6": ((8, 8, 8), ["nc-32"]),
    "S7": ((40, 52, 52), []),
    "S8": ((11, 14, 16), []),
    "S9": ((6, 6, 6), ["nc-35"]),
    "S10": ((12, 14, 14), []),
    "noise": (None, ["nc-29", "nc-30", "nc-31", "nc-38"]),
}


def rng(t):
    return None if t is None else {"low": t[0], "best": t[1], "high": t[2]}


def main():
    with open(os.path.join(HERE, "articles.jsonl"), "w", encoding="utf-8") as f:
        for doc_id, source, published, lang, text in ARTICLES:
            f.write(json.dumps({"doc_id": doc_id, "source": source, "url": None,
                                "published": published, "lang": lang, "text": text},
                               ensure_ascii=False) + "\n")
    incidents = []
    story_docs = {}
    for (iid, sid, date, alt, cc, a1, place, aliases, lat, lon, radius, killed, perps,
         docs) in INCIDENTS:
        story_docs.setdefault(sid, set()).update(docs)
        inc = {"incident_id": iid, "story_id": sid, "date": date, "date_alt": alt, "country": cc,
               "admin1": a1, "place": place, "place_aliases": [place] + aliases, "lat": lat,
               "lon": lon, "radius_km": radius, "perpetrator_aliases": perps,
               "killed": rng(killed), "docs": docs}
        incidents.append(inc)
    stories = [{"story_id": sid, "docs": sorted(story_docs.get(sid, ())),
                "background_docs": bg, "killed": rng(killed)}
               for sid, (killed, bg) in STORIES.items()]
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({"schema": "sitrep-gold/1", "stories": stories, "incidents": incidents}, f,
                  indent=1, ensure_ascii=False)
        f.write("\n")


main()
