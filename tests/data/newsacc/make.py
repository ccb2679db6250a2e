#!/usr/bin/env python3
"""Writes articles.jsonl and gold.json: invented English wire-style reports of political violence
(our own sentences, no copied text) with a hand-made sitrep-gold/1 annotation."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# (doc_id, source, published, text)
ARTICLES = [
("na-01", "wire-a", "2025-03-06",
 "A female suicide bomber blew herself up at a crowded fish market in Maiduguri on Tuesday, killing at least 14 people and wounding 30 others, police said on Thursday.\n"
 "The blast tore through stalls shortly after noon as traders were closing for the day.\n"
 "Borno state police spokesman said the bomber had mingled with shoppers before detonating her vest.\n"
 "No group has claimed responsibility, but suspicion fell on Boko Haram, which has used women and girls as bombers in the past.\n"
 "The wounded were taken to the state teaching hospital."),
("na-02", "wire-b", "2025-04-14",
 "A drone strike hit a pickup truck near the city of Marib late on Sunday, killing five suspected al-Qaeda militants, local officials said.\n"
 "The vehicle was travelling on a desert road east of the city when it was struck by two missiles.\n"
 "Tribal sources said the men were members of al-Qaeda in the Arabian Peninsula.\n"
 "Nobody has claimed the strike."),
("na-03", "wire-c", "2025-05-20",
 "Pakistani troops killed 12 militants in a clash in Bannu district of Khyber Pakhtunkhwa province on Monday, the military said.\n"
 "Two soldiers were also killed in the exchange of fire, according to a statement from the Inter-Services Public Relations.\n"
 "The operation was launched on reported presence of fighters of the Pakistani Taliban in the area.\n"
 "Weapons and ammunition were recovered from the dead militants, the statement said."),
("na-04", "wire-a", "2025-06-11",
 "Jihadists ambushed a military convoy near Djibo in northern Burkina Faso on Monday, killing 23 soldiers, security sources said on Wednesday.\n"
 "The convoy was escorting supply trucks to the besieged town when it came under heavy fire.\n"
 "Jama'at Nusrat al-Islam wal-Muslimin, an al-Qaeda affiliate, claimed responsibility for the ambush in a statement.\n"
 "Several vehicles were destroyed and an unknown number of soldiers are missing."),
("na-05", "wire-d", "2025-07-02",
 "Suspected rebels of the Allied Democratic Forces killed two dozen villagers in an overnight raid on a village near Beni in eastern Congo, local officials said on Wednesday.\n"
 "The attackers hacked victims with machetes and set fire to homes, a civil society leader said.\n"
 "Residents fled into the bush as the assailants moved from house to house.\n"
 "The army said it had sent reinforcements to the area."),
("na-06", "wire-b", "2025-02-18",
 "A roadside bomb struck a minibus near Afgoye on Monday, killing six passengers, police said.\n"
 "The bus was carrying traders from the farming town to the capital when the device exploded.\n"
 "Police blamed al-Shabaab, which frequently plants explosives along the highway.\n"
 "Three other passengers were wounded."),
("na-07", "wire-e", "2025-08-05",
 "Russian shelling killed three civilians and wounded 17 others in Kharkiv on Monday evening, the regional governor said.\n"
 "Artillery shells hit a residential district and a bus stop in the north of the city.\n"
 "Among the wounded were two children, the governor said in a post on Telegram.\n"
 "Rescue workers were searching for people trapped in a damaged apartment block."),
("na-08", "wire-a", "2025-09-17",
 "Gunmen who abducted more than 40 villagers in Tsafe in Zamfara state last week have killed nine of their captives, residents said on Wednesday.\n"
 "The bandits stormed the village on motorcycles on Thursday night and marched the captives into the forest.\n"
 "The bodies of the nine men were found dumped near a stream on Tuesday, a community leader said.\n"
 "Police confirmed the killings and said efforts were under way to rescue the remaining hostages."),
("na-09", "wire-c", "2025-10-09",
 "Security forces opened fire on protesters in Omdurman on Wednesday, killing at least seven people, a doctors' group said.\n"
 "Thousands had marched against military rule when troops used live ammunition and tear gas to disperse them.\n"
 "The Central Committee of Sudan Doctors said dozens more were wounded.\n"
 "Police said officers had been attacked with stones."),
("na-10", "wire-d", "2025-11-04",
 "Armed men attacked the central prison in Butembo overnight, killing four guards and freeing more than 800 inmates, officials said on Tuesday.\n"
 "The attackers used explosives to blow open the main gate before fighting their way inside.\n"
 "Officials blamed Mai-Mai militiamen for the prison break.\n"
 "Security forces had recaptured about 100 of the escapees by Tuesday evening."),
("na-11", "wire-e", "2025-03-25",
 "One person was killed and 12 were wounded when militants hurled a grenade at a busy market in Srinagar on Monday, police said.\n"
 "The grenade exploded near a police vehicle and struck shoppers and street vendors.\n"
 "Police said the attackers escaped in the crowd and a search operation had been launched."),
("na-12", "wire-b", "2025-04-26",
 "Islamic State claimed responsibility for a bombing at a Shiite mosque in Kandahar on Friday that killed 18 worshippers during prayers.\n"
 "The group said in a statement on its Amaq news agency that one of its fighters detonated an explosive vest inside the mosque.\n"
 "A Taliban spokesman said more than 40 people were wounded.\n"
 "The attack was the deadliest in the city this year."),
("na-13", "wire-a", "2025-05-31",
 "Al-Shabaab fighters stormed a military base near Beledweyne on Friday, sparking hours of fighting.\n"
 "The Somali army said seven soldiers were killed and that troops repelled the attack.\n"
 "Al-Shabaab said in a statement that it had killed 40 soldiers and seized weapons, a claim that could not be independently verified.\n"
 "Residents said they heard heavy gunfire and explosions through the morning."),
("na-14", "wire-c", "2025-01-13",
 "The death toll from Saturday's car bombing near a busy junction in Mogadishu rose to 31 on Monday, health officials said.\n"
 "The explosives-laden vehicle detonated outside a restaurant frequented by government workers.\n"
 "Al-Shabaab claimed the bombing.\n"
 "Dozens of wounded people were still being treated in hospitals across the capital."),
("na-15", "wire-d", "2025-06-23",
 "A dozen police officers were killed when militants stormed a checkpoint in Dera Ismail Khan on Sunday night, officials said.\n"
 "The attackers used heavy weapons and night vision equipment, a police official said.\n"
 "The Pakistani Taliban claimed responsibility for the attack.\n"
 "Scores of security personnel have been killed in the district this year."),
("na-16", "wire-a", "2025-03-03",
 "KABUL, March 3 (Reuters) - An explosion at a mosque in Kabul killed seven worshippers on Friday, a police spokesman said.\n"
 "The blast struck during Friday prayers in the west of the city.\n"
 "No group immediately claimed responsibility for the attack.\n"
 "Islamic State has carried out several attacks on mosques in the capital."),
("na-17", "wire-e", "2025-08-19",
 "A bomb hidden in a motorcycle exploded near a police van in Peshawar on Monday, killing nine people including four policemen, officials said.\n"
 "The attack came two weeks after a bombing in Quetta that killed 40 people.\n"
 "Police said the explosives had been detonated by remote control.\n"
 "No group claimed responsibility."),
("na-18", "wire-b", "2025-09-29",
 "Al-Shabaab militants attacked an army outpost in Bulo Burte in central Somalia on Saturday, killing 17 soldiers, a military officer said.\n"
 "The fighters detonated a car bomb at the gate before storming the base.\n"
 "The army said it later regained control of the outpost."),
("na-19", "wire-d", "2025-09-28",
 "At least 19 soldiers died when al-Shabab fighters overran a military post in Buulobarde on Saturday, local elders said.\n"
 "The attack began with a suicide car bomb, followed by a gun assault, they said.\n"
 "Al-Shabab said on its radio station that it had killed dozens of troops."),
("na-20", "wire-c", "2025-12-09",
 "Gunmen on motorcycles killed scores of villagers in an attack on a village near Konduga in Borno state late on Sunday, residents said.\n"
 "A local official said 32 bodies had been recovered by Monday evening.\n"
 "The attackers, believed to be members of Boko Haram, torched houses and stole cattle.\n"
 "Survivors said the gunmen accused the villagers of informing on them to the army."),
("na-21", "wire-e", "2025-03-11",
 "Gunmen killed seven farmers working in their fields outside Bama on Monday, a local official said.\n"
 "The attackers arrived on motorcycles and opened fire before fleeing into the bush.\n"
 "It was the second attack on the town this month after 12 villagers were killed on March 2.\n"
 "Residents appealed to the army for more patrols."),
("na-22", "wire-b", "2025-09-09",
 "MOGADISHU, Sept 8 (Reuters) - A suicide bomber killed nine people at a tea shop in Kismayo on Sunday, police said.\n"
 "The bomber walked into the shop near the port as customers watched a football match.\n"
 "Al-Shabaab said it carried out the attack, saying it had targeted soldiers.\n"
 "Eleven people were wounded."),
]

# incident: id, date, alt dates, country, admin1, place, aliases, lat, lon, radius, killed (low, best, high), perps, docs
INCIDENTS = [
("na-01", "2025-03-04", [], "NG", "Borno", "Maiduguri", [], 11.85, 13.16, 25, (14, 14, 15), ["Boko Haram"], ["na-01"]),
("na-02", "2025-04-13", [], "YE", "Ma'rib Governorate", "Marib", ["Ma'rib"], 15.46, 45.32, 60, (5, 5, 5), [], ["na-02"]),
("na-03", "2025-05-19", [], "PK", "Khyber Pakhtunkhwa", "Bannu", [], 32.99, 70.60, 40, (14, 14, 14), ["Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "TTP"], ["na-03"]),
("na-04", "2025-06-09", [], "BF", "Sahel Region", "Djibo", [], 14.10, -1.63, 50, (23, 23, 23), ["Jama'at Nusrat al-Islam wal-Muslimin", "JNIM"], ["na-04"]),
("na-05", "2025-07-01", ["2025-07-02"], "CD", "Nord-Kivu", "Beni", [], 0.49, 29.47, 50, (24, 24, 24), ["Allied Democratic Forces", "ADF"], ["na-05"]),
("na-06", "2025-02-17", [], "SO", "Lower Shebelle", "Afgoye", ["Afgooye"], 2.14, 45.12, 30, (6, 6, 6), ["al-Shabaab"], ["na-06"]),
("na-07", "2025-08-04", [], "UA", "Kharkivska oblast", "Kharkiv", [], 49.98, 36.25, 25, (3, 3, 3), ["Russia", "Russian forces", "Russian Armed Forces"], ["na-07"]),
("na-08", "2025-09-11", ["2025-09-16", "2025-09-12"], "NG", "Zamfara", "Tsafe", [], 11.96, 6.92, 40, (9, 9, 9), [], ["na-08"]),
("na-09", "2025-10-08", [], "SD", "Khartoum", "Omdurman", [], 15.64, 32.48, 25, (7, 7, 7), [], ["na-09"]),
("na-10", "2025-11-03", ["2025-11-04"], "CD", "Nord-Kivu", "Butembo", [], 0.14, 29.29, 25, (4, 4, 4), ["Mai-Mai"], ["na-10"]),
("na-11", "2025-03-24", [], "IN", "Jammu and Kashmir", "Srinagar", [], 34.09, 74.81, 25, (1, 1, 1), [], ["na-11"]),
("na-12", "2025-04-25", [], "AF", "Kandahar", "Kandahar", [], 31.63, 65.74, 30, (18, 18, 18), ["Islamic State", "IS", "ISIS"], ["na-12"]),
("na-13", "2025-05-30", [], "SO", "Hiran", "Beledweyne", [], 4.74, 45.20, 40, (7, 7, 40), ["al-Shabaab"], ["na-13"]),
("na-14", "2025-01-11", [], "SO", "Banaadir", "Mogadishu", [], 2.04, 45.34, 25, (31, 31, 31), ["al-Shabaab"], ["na-14"]),
("na-15", "2025-06-22", [], "PK", "Khyber Pakhtunkhwa", "Dera Ismail Khan", ["Dera Ismāīl Khān", "D.I. Khan"], 31.86, 70.65, 40, (12, 12, 12), ["Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "TTP"], ["na-15"]),
("na-16", "2025-02-28", [], "AF", "Kabul", "Kabul", [], 34.53, 69.17, 25, (7, 7, 7), [], ["na-16"]),
("na-17", "2025-08-18", [], "PK", "Khyber Pakhtunkhwa", "Peshawar", [], 34.01, 71.58, 25, (9, 9, 9), [], ["na-17"]),
("na-18", "2025-09-27", [], "SO", "Hiran", "Bulo Burte", ["Buulobarde", "Bulo Burde", "Buloburde"], 3.85, 45.57, 30, (17, 18, 19), ["al-Shabaab", "al-Shabab"], ["na-18", "na-19"]),
("na-21", "2025-03-10", [], "NG", "Borno", "Bama", [], 11.52, 13.69, 30, (7, 7, 7), [], ["na-21"]),
("na-22", "2025-09-07", [], "SO", "Lower Juba", "Kismayo", ["Kismaayo"], -0.36, 42.55, 25, (9, 9, 9), ["al-Shabaab"], ["na-22"]),
("na-20", "2025-12-07", ["2025-12-08"], "NG", "Borno", "Konduga", [], 11.65, 13.42, 40, (32, 32, 40), ["Boko Haram"], ["na-20"]),
]


def main():
    with open(os.path.join(HERE, "articles.jsonl"), "w", encoding="utf-8") as f:
        for doc_id, source, published, text in ARTICLES:
            f.write(json.dumps({"doc_id": doc_id, "source": source, "url": None,
                                "published": published, "lang": "en", "text": text}) + "\n")
    stories, incidents = [], []
    for (iid, date, alt, cc, a1, place, aliases, lat, lon, radius, killed, perps, docs) in INCIDENTS:
        k = {"low": killed[0], "best": killed[1], "high": killed[2]}
        sid = "S-" + iid
        stories.append({"story_id": sid, "docs": docs,
                        "background_docs": ["na-17"] if iid == "quetta" else [],
                        "date": date, "country": cc, "admin1": a1, "killed": k})
        inc = {"incident_id": iid, "story_id": sid, "date": date, "country": cc, "admin1": a1,
               "place": place, "place_aliases": [place] + aliases, "lat": lat, "lon": lon,
               "radius_km": radius, "perpetrator_aliases": perps, "killed": k, "docs": docs}
        if alt:
            inc["date_alt"] = alt
        incidents.append(inc)
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({"schema": "sitrep-gold/1", "stories": stories, "incidents": incidents}, f,
                  indent=1, ensure_ascii=False)
        f.write("\n")


main()
