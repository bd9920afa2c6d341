import type { CategoryCode, ReportKind } from './categories';
import { plainWords } from './plain-text';
import { canonicalWords } from './triage/normalize';
import { DISAPPEARED_WORDS } from './triage/lexicon';
import { WILL_BURN_SW } from './danger-words';

/**
 * Someone taken and not seen since, or where they are not known ("hatujui yuko wapi", "we don't
 * know where he is"), in plain words (`plainWords`): the triage lexicon's reading
 * (`DISAPPEARED_WORDS`), so a disappearance offered here is one the linker reads too.
 */
export const DISAPPEARED = new RegExp(DISAPPEARED_WORDS);

/**
 * "-dai" (demanded, or claimed) and "-omba" (asked for) with a sum or money right after ("wakadai 500", "alidai elfu
 * mbili", "wakaniomba 500 bob", "wakadai hongo"): a demand. Not a claim ("wakadai ni gaidi", "wakadai nimeiba pesa"),
 * an age, a date, a phone or an ID number ("wakaniomba namba yangu ya simu 0712345678").
 */
const DEMANDED_SUM = /\b(?:wa|a|tu|ni)(?:li|me|ka|na)(?:ni|m|tu|wa)?(?:dai|omba)(?: (?:hiyo|ya|za|kama|tu|zaidi|ksh|kes|sh))? (?:\d{3,6}\b|\d{1,3} ?k\b|\d{1,3}(?:,\d{3})+\b|elfu|mia|bob|pesa|doo|hongo|shillings?|shilingi|ksh|kes)/i;

/**
 * The one category a sentence names, by what was done ("a policeman asked me for 500 bob to let
 * me go", "polisi walinipiga sana", "they arrested my son"), read through the triage lexicon's
 * canonical words (English, Swahili, Sheng). Undefined when it names none or several ("they beat
 * me and arrested me", "police shot him": hurt or killed?): the reporter chooses, as before. Only
 * ever offered for a tap: a wrong category sends a case to the wrong agency.
 */
export function categoryInWords(text: string, kind: ReportKind): CategoryCode | undefined {
  return onlyOne(categoriesInWords(text, kind));
}

/** The category when the words fit exactly one. */
function onlyOne(found: Set<CategoryCode>): CategoryCode | undefined {
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Every category of `kind` the sentence's words fit (`categoryInWords` offers one only when they fit one).
 * `kindChosen`: the reporter chose `kind` (an election report's "kituoni" is the polling station).
 */
function categoriesInWords(text: string, kind: ReportKind, kindChosen = true): Set<CategoryCode> {
  if ([...text].length > 300) return new Set();
  // "Wataniua", "they will kill us": threatened, not killed (`THREATENED_HARM`).
  // "Kicked out of the counting hall" is sent away, not kicked (the lexicon reads "kicked" as a beating).
  // A door kicked in ("kicked our door", "walipiga teke mlango") is a door broken, no one beaten.
  // "Alinitisha 500 bob", "walinitisha doo": Sheng's "aliniitisha" (asked me for) with one "i", a sum after it: a demand, not a threat.
  const w = new Set(canonicalWords(text.replace(THREATENED_HARM, ' threatened ').replace(KICKED_OUT, ' expelled ').replace(DOOR_KICKED, ' broke door ').replace(TISHA_MONEY, '$1itisha')));
  // Sheng: money "eaten" ("walinikula 1k", "wanakula 50 bob kwa kila matatu") is money taken.
  // "Wakadai 500", "alidai elfu mbili": demanded ("-dai"), as "aliitisha" is; only with money named, as "-dai" is also
  // "claimed" ("wakadai ni gaidi", "alidai kuwa mimi ni mwizi ... tarehe 12"), "tulidai haki" (we demanded justice).
  const asked = w.has('demand') || /\b(asked|ask|asking|wanted|wantd|wnted|wntd|charged|took|take|taking|\w*chukua|(wa|a)(li|me|ka|na)(ni|m|tu|wa)?kula)\b/i.test(text) || w.has('pay') || DEMANDED_SUM.test(text);
  // A year ("died in 2024", "mwaka 2021") is no sum.
  const noSums = new Set([...text.matchAll(YEAR_SAID)].map((m) => m[1]));
  // Votes counted ("kura zimepunguzwa kutoka 530 hadi 330", "412 votes") are no sum either.
  for (const m of plainWords(text).matchAll(VOTE_COUNT)) for (const n of m.slice(1)) if (n) noSums.add(n);
  const money = w.has('money') || w.has('shillings') || [...w].some((x) => /^\d{2,}$/.test(x) && !noSums.has(x)) || /\b\d{1,3}k\b/i.test(text);
  // "Threatened to shoot me" is a threat; a shot fired alone may have hurt or killed. A harm to come
  // (`THREATENED_HARM`) is read apart: "they shot him and said they will kill us" is still a shot.
  const shot = w.has('shoot') && !new Set(canonicalWords(text)).has('threat');
  // The lexicon reads "harassed" as sexual: only words that say so are ("touched me", "alinigusa vibaya").
  // "Alinishika vibaya" (touched me wrongly), "nilale naye" (to sleep with him): sexual, never an arrest.
  // Sex asked for as the price ("asked me for sex", "alinilazimisha ngono", "kufanya mapenzi naye") is abuse too.
  // An officer's advances ("alinitongoza", "messages za mapenzi") are harassment of that kind too.
  const sexual = /\b(rape\w*|sexual\w*|grop\w*|fondl\w*|kingono|kimapenzi|\w*tongoz\w*|(za|ya|wa) mapenzi|(ku|tu|ni|a|wa)?fany(a|e) (naye |nae )?mapenzi|\w*tomb(a|wa|ana)|\w*bak(a|wa)|touched (me|her|him)|\w*(gus|shik)(a|wa) (vibaya|matiti|makalio|kifua)|\w*lal(e|a) (naye|nae|nami|nasi)|sleep with (him|me|her)|ngono|(asked|asking|demanded|demanding|wanted|wants) (me |us |her )?(for )?sex)\b/i.test(text);
  // Forms the lexicon's stems miss: "walimwua" (they killed him), "walinishika", "wakanirusha ndani" (locked up).
  // ... and a death told ("walimpiga mpaka kufa", "hadi akafa", "akafariki", "to death"), not in an accident.
  const killed = w.has('killed') || /\b(wa|a)(li|me|ka)(m|mw|mu|wa|ni|tu)ua\b/i.test(text) || (DEATH_TOLD.test(plainWords(text)) && !ACCIDENT.test(plainWords(text)));
  // A death told beside an accident may not be theirs: it does not outweigh a beating or an arrest told with it.
  const killedByThem = killed && !ACCIDENT.test(plainWords(text));
  // What they say they will do: "watatuchoma nyumba" (they will burn our houses), "wataniua", "they will kill us".
  const threat = w.has('threat');
  // "Walimchukua", "wakachukua mume wangu" (took him, took my husband): a person taken is an arrest.
  // "Police took my brother", "took him away": a person taken, not money or a phone ("took 500 bob", "took my phone").
  // Held and not let go ("hawataki kumwachilia", "refused him bond"): a detention; with a price named it is the bribe (`RELEASE_REFUSED`).
  const arrest = w.has('arrest') || NOT_RELEASED.test(plainWords(text)) || /\b\w*(nishika|mshika|tushika|washika)\b(?! (vibaya|matiti|makalio|kifua))/i.test(text) || LOCKED_UP.test(plainWords(text)) || PERSON_TAKEN.test(plainWords(text)) || (PERSON_TAKEN_EN.test(plainWords(text)) && !CARED_FOR.test(plainWords(text)));
  const found = new Set<CategoryCode>();
  const add = (yes: boolean, ...codes: CategoryCode[]) => yes && codes.forEach((c) => found.add(c));
  const told: Told = { asked, money, shot, sexual, killed, killedByThem, threat, arrest };
  // The police named or chosen: harassment and insults are theirs ("walitusumbua" alone may be anyone's).
  const policeMeant = kindChosen || POLICE_NAMED.test(text);
  if (kind === 'police') {
    policeCategories(text, w, add, { ...told, policeMeant });
    // Insulted, and nothing else told ("walinitukana"): other misconduct, the discipline the NPS internal affairs unit oversees.
    add(!found.size && policeMeant && INSULTED.test(plainWords(text)), 'p_other');
  } else {
    // "Paid to vote", "buying IDs from voters": voter bribery without a sum named. Not money paid for
    // someone's release ("released him after we paid 10k": the police's bribe) nor youths paid to disrupt (violence).
    const paidElse = (w.has('release') || LET_GO.test(plainWords(text)) || PAID_TO_DISRUPT.test(plainWords(text))) && !w.has('vote') && !w.has('voter');
    // Bought: votes or IDs ("wananunua kura"); flour bought ("doh ya kununua unga") is no bribe.
    const bought = w.has('buy') && ['vote', 'voter', 'idcard'].some((x) => w.has(x));
    add((w.has('bribe') || bought || (w.has('pay') && (money || w.has('food'))) || (w.has('vote') && money) || PAID_TO_VOTE.test(plainWords(text))) && !paidElse, 'e_bribery');
    electionCategories(text, w, add, { harmed: threat || shot, kindChosen });
  }
  return found;
}

/** What a sentence tells, read once for either kind's categories (`categoriesInWords`). */
type Told = { asked: boolean; money: boolean; shot: boolean; sexual: boolean; killed: boolean; killedByThem: boolean; threat: boolean; arrest: boolean; policeMeant?: boolean };

/** The police categories a sentence's words fit (`w`: its canonical words), added with `add`. */
function policeCategories(text: string, w: Set<string>, add: (yes: boolean, ...codes: CategoryCode[]) => void, { asked, money, shot, sexual, killed, killedByThem, threat, arrest, policeMeant }: Told): void {
  // A suspect let go ("walimwachilia baada ya kupewa pesa"): the release is the complaint, money only its price.
  const released = suspectReleased(plainWords(text), w);
  // "Something small" asked for ("asked for something small", "alitaka something small"): the English of "kitu kidogo".
  // A release refused "without 5k" ("walikataa kumwachilia bila elfu tano"): its price asked.
  const releaseSold = money && RELEASE_REFUSED.test(plainWords(text));
  // Youths paid to disrupt a rally: paid by a politician, no bribe to the police.
  // Told to pay to go ("wakasema nilipe ndio niende"): the price of letting them go, no sum named.
  const payToGo = PAY_TOLD.test(plainWords(text)) && LET_GO.test(plainWords(text));
  // Money handed out ("walikuwa wanagawa pesa", "handing out money"): given by whoever hands it out (to voters), never asked by the police.
  const handedOut = MONEY_HANDED_OUT.test(plainWords(text)) && !w.has('bribe') && !w.has('demand');
  // A candidate's money or voters paid ("mgombea alitoa pesa kwa wapiga kura"), the police not named: the election's bribe, never theirs.
  const votersPaid = VOTERS_OR_CANDIDATE.test(plainWords(text)) && !POLICE_NAMED.test(text);
  const bribe = (w.has('bribe') || releaseSold || payToGo || (asked && !handedOut && (money || SOMETHING_SMALL.test(plainWords(text))))) && !released && !votersPaid && !PAID_TO_DISRUPT.test(plainWords(text));
  // Robbed by them ("askari walinipora simu", "police robbed me my phone"): extortion, as money they took is; not thieves they did nothing about.
  // A theft they accuse someone of ("wamemwekelea kesi, they say he stole") is no robbery by them.
  const robbed = Boolean(policeMeant) && ROBBED.test(plainWords(text)) && !ROBBED_BY_OTHERS.test(plainWords(text)) && !ACCUSED_OF_THEFT.test(plainWords(text));
  add(bribe || robbed, 'p_bribery');
  add(released, 'p_release');
  // Beaten to death is the killing: offered as brutality it was asked "was anyone hurt?".
  add((w.has('beat') || w.has('teargas') || TEARGASSED.test(plainWords(text))) && !killedByThem, 'p_force');
  // Taken and not seen since ("alikamatwa ... hatujamwona tangu hapo"): a disappearance, more than an arrest.
  const plain = plainWords(text);
  // A missing person the police would not record ("refused to record my statement"): their failure, not a disappearance by them.
  const missing = (w.has('missing') || w.has('abduct') || DISAPPEARED.test(plain)) && !REFUSED_TO_RECORD.test(plain);
  // Caught and money wanted to be let go ("wanataka doo ndio waniachilie"): the bribe is the complaint, the arrest its lever.
  // Raped or touched in a cell ("alinibaka kwenye seli"): the abuse is the complaint, the cell where;
  // offered as an arrest too, nothing was offered and the PRC advice hung on a choice from the list.
  // Caught ("walinishika"), or the cell only the "or else" of the money wanted ("ama wanipeleke cell"), and
  // money asked: the bribe is the complaint too. Taken in or locked up ("walinikamata", "wakanirusha ndani") is an arrest.
  // "Nimeshikwa" (I was caught) is caught as "walinishika" is: the lexicon reads its passive as an arrest.
  const caughtOnly = !new Set(canonicalWords(plain.replace(OR_ELSE_CELL, ' ').replace(CAUGHT, ' '))).has('arrest') && !LOCKED_UP.test(plain);
  // Paid to be let go: the bribe is the complaint; a bond, bail or a court's fine paid is the law's price, the arrest kept.
  const paidToGo = LET_GO.test(plain) && !LAWFUL_PRICE.test(plain);
  add(arrest && !missing && !sexual && !killedByThem && !released && !(bribe && (paidToGo || caughtOnly)), 'p_arrest');
  add(killed, 'p_killing');
  // Shot and now in hospital ("he is in hospital", "yuko hospitali"), with no death told: hurt, not killed.
  // Shot and telling it ("nilipigwa risasi", "police shot me"), or "amepigwa risasi" (has been shot: as he is now) is alive too.
  const alive = (IN_HOSPITAL.test(plain) || SHOT_ALIVE.test(plain)) && !DIED.test(plain);
  add(shot && !killed, 'p_force', ...(alive ? [] : (['p_killing'] as const)));
  add(missing, 'p_disappear');
  // A suspect of rape let go for money: the release is the police's act, the rape his (it offered sexual abuse alone).
  // To go to an officer's house or be charged ("said i must go with him to his house or he will charge me"): sexual exploitation.
  add((sexual || HIS_HOUSE_OR_ELSE.test(plain)) && !released, 'p_sexual');
  // Harassed by the police ("walitusumbua", "police harassed us"): intimidation; sexual harassment is its own.
  add(threat || (Boolean(policeMeant) && HARASSED.test(plain) && !sexual), 'p_threats');
}

/** The election categories a sentence's words fit (`w`: its canonical words), added with `add`. */
function electionCategories(text: string, w: Set<string>, add: (yes: boolean, ...codes: CategoryCode[]) => void, { harmed, kindChosen }: { harmed: boolean; kindChosen: boolean }): void {
  const plain = plainWords(text);
  // Kept out of the polls: voting named, or "kituoni" in a report the reporter said is an election's; not
  // a family kept from a relative at a police station ("walituzuia kuingia kituoni kumwona mwanangu").
  const atPolls = ['vote', 'voter', 'pollingstation', 'ballot', 'ballotbox'].some((x) => w.has(x)) || (kindChosen && !w.has('relative') && !w.has('policestation'));
  // Voters kept out ("walituzuia kuingia kituoni"), unless by the clerks over a register or an ID: that is the IEBC's.
  const blocked = atPolls && VOTERS_BLOCKED.test(plain) && !['presiding', 'clerk', 'register', 'idcard'].some((x) => w.has(x));
  // Supporters fighting or clashing ("ODM and UDA supporters fighting"): violence; not "fighting for our rights".
  // Fighting or violence named is an election's only when the election was chosen or is in the words ("touts fighting at the stage" is not).
  const electionViolence = (kindChosen || VOTING.test(plain) || AT_ELECTION.test(plain)) && (FIGHTING.test(plain) || VIOLENCE_TOLD.test(plain));
  // Youths paid to disrupt a rally ("vijana walilipwa kuvuruga mkutano"): hired disruption, violence; not voter bribery.
  const hiredDisruption = PAID_TO_DISRUPT.test(plain);
  // A chief forcing voters whom to vote for ("chifu anawalazimisha wazee kupigia mgombea fulani kura"): intimidation.
  const chiefCoerces = CHIEF.test(plain) && COERCED.test(plain) && (w.has('vote') || VOTE_FOR.test(plain));
  add(w.has('beat') || w.has('attack') || w.has('goons') || harmed || w.has('teargas') || TEARGASSED.test(plain) || blocked || PANGAS.test(plain) || electionViolence || hiredDisruption || chiefCoerces, 'e_violence');
  // "Outsiders should go back to their homes", "watu wa kuja warudi kwao": incitement against a community.
  // ... or a community named and told to go ("luos should go back home", "wakikuyu waondoke").
  add(w.has('hate') || OUTSIDERS_OUT.test(plain) || COMMUNITY_OUT.test(plain) || COMMUNITY_HARM.test(plain) || COMMUNITY_ATTACKED.test(plain), 'e_hate');
  // Ballot boxes carried off ("took the ballot box to his car", "wakibeba masanduku ya kura"): tampering.
  // A results form altered ("form 34A was altered", "fomu 34A imebadilishwa"): tampering with the results.
  // Papers marked before the vote, a box opened before the count or its seal broken: tampering too.
  const boxOpened = w.has('ballotbox') && ((BOX_OPENED.test(plain) && BEFORE_COUNT.test(plain)) || SEAL_BROKEN.test(plain));
  // Boxes brought in at night or from outside ("masanduku ya kura yaliletwa usiku"): boxes arrive in the morning, in the agents' sight.
  const boxes = w.has('ballotbox') || (/\b(boxes|box|masanduku|sanduku)\b/.test(plain) && (w.has('vote') || w.has('ballot')));
  const boxesBroughtIn = boxes && BROUGHT_IN.test(plain) && (w.has('night') || BROUGHT_HOW.test(plain));
  // Ballot papers or boxes burnt or destroyed ("wamechoma karatasi za kura", "they burnt the ballot papers"): tampering.
  const ballotsDestroyed = (w.has('ballot') || boxes) && BALLOTS_DESTROYED.test(plain);
  add(ballotsDestroyed || boxesBroughtIn || w.has('stuff') || (w.has('ballotbox') && CARRIED_OFF.test(plain)) || papersSlippedIn(plain, w) || (RESULTS_FORM.test(plain) && ALTERED.test(plain)) || RESULTS_CHANGED.test(plain) || VOTES_STOLEN.test(plain) || (w.has('ballot') && PRE_MARKED.test(plain)) || boxOpened, 'e_tamper');
  // The IEBC's own failures: the KIEMS kit down, agents kept out by the presiding officer, names missing from the register.
  // Agents chased or kept from the tallying centre or the station with no one's violence told ("maajenti wetu
  // walifukuzwa kituo cha kujumlisha kura"): the same obstruction of agents; goons chasing them are violence.
  const agents = w.has('agent') && KEPT_OUT.test(plain);
  const agentsKeptOut = agents && (OFFICIALS.test(plain) || (AGENTS_PLACE.test(plain) && !['goons', 'beat', 'attack'].some((x) => w.has(x))));
  // An official telling voters whom to vote for ("msimamizi anawaambia wazee wampigie nani"): an IEBC officer files
  // it as the station's irregularity (assisting voters other than as the voter asks, Elections (General) Regulations
  // r. 72), the IEBC's own officer: not violence, and no money is given.
  const officialDirects = OFFICIALS.test(plain) && TELLS_WHOM.test(plain) && VOTE_FOR.test(plain);
  // The station opened late or closed early, voting delayed, papers run out: the IEBC's running of the poll.
  const runBadly = (POLLS_EARLY_LATE.test(plain) || NO_MATERIALS.test(plain)) && (kindChosen || VOTING.test(plain));
  add((/\bkiems\b/.test(plain) && KIT_FAILED.test(plain)) || agentsKeptOut || officialDirects || runBadly || (NAMES_MISSING.test(plain) && (kindChosen || VOTING.test(plain) || /\b(register|daftari)\b/.test(plain))), 'e_polling');
  // A voter handed two ballot papers ("alimpa mpiga kura karatasi mbili za kura"): a second vote, unless too few were given.
  add((w.has('twice') && w.has('vote')) || VOTED_FOR_ME.test(plain) || ((w.has('vote') || /\bvoted?\b/.test(plain)) && DEAD_NAME.test(plain)) || (TWO_PAPERS.test(plain) && PAPERS_GIVEN.test(plain) && !TOO_FEW.test(plain)), 'e_personation');
  // A chief campaigning, a county or government vehicle used for a campaign or to ferry voters: state resources misused.
  const stateInCampaign = (CHIEF.test(plain) && CAMPAIGNING.test(plain)) || (STATE_VEHICLE.test(plain) && CAMPAIGN_USE.test(plain));
  add(w.has('govvehicle') || stateInCampaign, 'e_resources');
}

/**
 * Ballot papers put into a box by others ("wameweka karatasi za kura kwenye sanduku"), or slipped
 * or shoved in by anyone: tampering. A vote cast ("niliweka karatasi yangu", "voters put their
 * ballot papers in the box") and counted papers put back and sealed are not.
 */
function papersSlippedIn(plain: string, w: Set<string>): boolean {
  if (!w.has('ballot') || !/\b(box|boxes|sanduku|masanduku|ballotbox)\b/.test(plain) || OWN_BALLOT.test(plain)) return false;
  return SLIPPED.test(plain) || (PUT_IN.test(plain) && !w.has('voter') && !PUT_BACK.test(plain));
}
const SLIPPED = /\b(slipped|slipping|slip|slips|sneaked|sneaking|snuck|shoved|shoving|\w*chomek\w*)\b/;
const PUT_IN = /\b(put|putting|puts|inserted|inserting|dropped|dropping|placed|placing|added|adding|(wa|a)(li|me|ka|na|ki)(weka|tia|ingiza|tumbukiza)|(zi|i)(li|me|ka|na)(wekwa|tiwa|ingizwa))\b/;
/** One's own vote: "my ballot", "karatasi yangu", "I put", "niliweka". */
const OWN_BALLOT = /\b(my|our|their) (own )?(ballot|ballots|vote)|\b(karatasi|kura) (yangu|yetu|zetu|zangu|zao|yao)\b|\b(i|we) (\w+ )?(put|dropped|inserted|placed|cast)\b|\b(ni|tu)(li|me|ka|na)(weka|tia|ingiza|tumbukiza)\b/;
/** Counted papers put back in the box and sealed. */
const PUT_BACK = /\b(counted|counting|sealed|seal|put back|returned|kuhesabu|kuhesabiwa|zilizohesabiwa|kufungwa|muhuri)\b/;
const TWO_PAPERS = /\b(two|2|mbili) (ballot|ballots)\b|\b(karatasi|vikaratasi) (mbili|2) (za|ya) kura\b/;
const PAPERS_GIVEN = /\b(given|gave|give|giving|issued|issuing|handed|received|got|getting|(a|wa)(li|me|ka)?(m|mw|wa|ni|tu)?pa|\w*(pewa|patia|patiwa))\b/;
const TOO_FEW = /\b(only|instead|badala|pekee|tu)\b/;
/** Voters kept out: "walituzuia kuingia", "blocked voters from entering", "turned away voters", "denied us entry"; not a count stopped. */
const VOTERS_BLOCKED = /\b\w*zui(a|wa|iwa|liwa)\b (\w+ ){0,3}?(kuingia|kufika|kupiga kura)\b|\b(blocked|blocking|prevented|preventing|stopped|stopping|barred|barring|kept|keeping)\b (\w+ ){0,3}?from (entering|accessing|getting into|going into|reaching|voting|casting)\b|\b(turned|chased) away (the )?(voters|us|people)\b|\b(voters|we|people) (were )?(turned|chased) away\b|\bdenied (us |them |voters |people )?(entry|access)\b|\bblocked (the )?(entrance|gate|gates|door)\b/;
/** Fighting or clashes: "supporters fighting", "clashes between", "brawl"; not fighting for something or against corruption. */
const FIGHTING = /\b(fighting|fought|fights|clash|clashes|clashed|clashing|brawl|brawls|brawling)\b(?! (for|against|corruption|to)\b)/;
/** A results form: "form 34A", "fomu 34b", "forms 35", "results form", "fomu za matokeo". */
const RESULTS_FORM = /\b(forms?|fomu) (no )?3[4-7] ?[abc]?\b|\bresults? (forms?|sheets?|fomu)\b|\bfomu (ya|za) matokeo\b/;
/** Burnt, torn or destroyed ("wamechoma", "zimechomwa", "walichana", "burnt", "set on fire"): said of ballot papers or boxes. */
const BALLOTS_DESTROYED = /\b(burnt|burned|burning|burn|torched|set (on )?fire|destroyed|destroying|destroy|tore|torn|\w*choma|\w*chomwa|\w*chomea|\w*haribu|\w*haribiwa|\w*chana|\w*chanwa)\b/;
/** Altered, changed, doctored, forged, destroyed, "imebadilishwa", "walighushi", "wameichana". */
const ALTERED = /\b(threw away|thrown away|destroyed|destroying|tore|torn|burnt|burned|\w*chanwa|\w*chana|alter|altered|altering|changed|changing|change|doctored|doctoring|forged|forging|forgery|fake|faked|falsified|falsifying|tampered|tampering|inflated|inflating|manipulated|manipulating|cooked|edited|erased|cancelled|\w*badilish\w*|\w*ghushi\w*)\b/;
/** Results changed by someone: "changing the results", "results were altered", "matokeo yamebadilishwa"; not "the results changed". */
const RESULTS_CHANGED = /\b(changing|changed|altering|altered|doctoring|doctored|manipulating|manipulated|falsifying|falsified|inflating|inflated) (the )?results\b|\bresults (were|was|have been|had been|are being|being) (changed|altered|doctored|manipulated|falsified|inflated|tampered)\b|\bmatokeo (\w+ )?(ya|yame|yali|yana)?badilish\w*\b|\b\w*badilisha matokeo\b/;
/** A year after the words that say one ("in 2024", "since 2019", "mwaka 2021"). */
const YEAR_SAID = /\b(?:in|since|mwaka|tangu|year)\s+((?:19|20)\d{2})\b/gi;

/**
 * A vote cast in a dead person's name ("voted using the ID of his late father", "someone voted for a dead person",
 * "amepiga kura kwa jina ya marehemu baba yake", "kitambulisho cha marehemu"): personation.
 */
const DEAD_NAME = new RegExp(
  [
    String.raw`\b(?:id|id card|identity card|name|names|papers)\b (?:of|for) (?:his|her|my|their|our|a|the|one) (?:late|dead|deceased)\b`,
    // "Voted for a dead person" (in one's name); "vote for the late MP's wife" honours the dead, no vote cast in a name.
    String.raw`\bvoted (?:for|on behalf of|as) (?:a|the|his|her|my|their|one) (?:dead|deceased) (?:person|persons|people|man|woman|relative|voter|voters)\b`,
    String.raw`\b(?:jina|kitambulisho|majina|vitambulisho) (?:la|ya|cha|vya) marehemu\b`,
  ].join('|'),
);

/** A vote cast in another's name: "my vote was already cast", "someone voted in my name", "dead people voted", "nikaambiwa nimeshapiga kura" (told I had voted). */
const VOTED_FOR_ME = /\bmy vote (was|had been|has been) (already )?(cast|used|taken)\b|\bvoted (in|using|with) (my|his|her|their|our) (name|id|names|ids)\b|\bdead (people|voters|persons)\b (\w+ ){0,2}?(voted|voting|vote)\b|\b(voted|voting) (\w+ ){0,2}?dead (people|voters|persons|peoples)\b|\bwafu (\w+ )?(wamepiga|walipiga) kura\b|\b(nikaambiwa|niliambiwa|nimeambiwa|wakaniambia|waliniambia|wameniambia)( kwamba| eti)?( tayari)? (nimesha|nilisha|nime|nili)piga kura\b/;
/** Teargas as a verb: "teargassed", "tear gassed", "tear-gassing" (the lexicon reads the noun). */
const TEARGASSED = /\btear ?gass?(ed|ing)\b/;
/** Election words beyond voting: supporters, a rally, the tallying centre, agents, an aspirant. */
const AT_ELECTION = /\b(supporters?|wafuasi|rally|rallies|tallying|tally|agents?|mawakala|aspirants?|presiding)\b/;
/** Violence named or a stabbing: "there was violence", "stabbed", "vurugu"; not "no violence", "without violence". */
const VIOLENCE_TOLD = /(?<!\b(no|without|hakuna|bila) )\b(violence|violent|stabbed|stabbing|knifed|vurugu|fujo)\b/;
/** Ballot papers marked before the vote: "already marked", "pre-marked", "zimewekwa alama tayari". */
const PRE_MARKED = /\b(already|pre) marked\b|\bpremarked\b|\bmarked (ballot|ballots|papers)\b|\b(zime|zili|zilizo|zilikuwa zime|zimesha|zilisha)wekwa alama\b/;
/** Votes counted: "kutoka 530 hadi 330", "from 530 to 330", "412 votes", "kura 530": numbers that are no money. */
const VOTE_COUNT = /\b(?:kutoka|from) (\d+) (?:hadi|mpaka|to) (\d+)\b|\b(\d+) (?:votes?|kura|voters)\b|\b(?:votes?|kura) (\d+)\b/g;
/** A ballot box opened or broken into ... */
const BOX_OPENED = /\b(opened|open|broken|broke|forced|cut)\b|\b\w*funguliwa\b|\b(wa|a)(li|me|ka)fungua\b/;
/** ... before the count or the vote: "before counting", "kabla ya kuhesabu". */
const BEFORE_COUNT = /\bbefore (the )?(counting|count|tallying|voting|polls?|agents)\b|\bkabla (ya )?(kuhesabu|kuhesabiwa|upigaji|kupiga kura)\b/;
/** A seal broken or removed: "the seal was broken", "broke the seals", "muhuri umevunjwa". */
const SEAL_BROKEN = /\bseals? (was |were |had been |has been |have been )?(broken|cut|removed|tampered|torn|missing)\b|\b(broke|broken|cut|removed|tampered with) (the )?seals?\b|\bmuhuri (\w+ )?(umevunjwa|ulivunjwa|umeondolewa|haupo)\b/;
/** "Paid to vote", "buying IDs / votes / voter cards", "vote buying", "kununua kura / vitambulisho". */
const PAID_TO_VOTE = /\b(paid|pay|paying|bribed|given money|given cash) (\w+ ){0,2}?to vote\b|\b(buying|buy|bought|buys) (\w+ ){0,1}?(votes?|ids?|id cards?|voters? cards?|vitambulisho)\b|\bvote buying\b|\b\w*nunua (kura|vitambulisho)\b/;
/**
 * The words between the poll and "late" or "early": how late ("two hours", "very") or its verb ("were
 * delayed", "arrived"), never an act ("started beating people late", "opened fire late"), which is no poll run late.
 */
const HOW_LATE = String.raw`(?:(?:was|were|is|are|has|have|had|been|got|arrived|came|reported|delivered|brought|very|so|too|quite|really|a|an|bit|little|few|lot|one|two|three|four|five|six|\d+|hours?|hrs?|minutes?|mins?) ){0,3}?`;
/**
 * The poll opened late or closed early, or was delayed: "polling station closed early", "voting
 * started late", "kituo kilifungwa mapema", "kura zilichelewa", "vifaa vilichelewa kufika". Ballot boxes
 * arriving late are left to the reporter (test/unit/domain/category-words.test.ts: a box only seen).
 */
const POLLS_EARLY_LATE = new RegExp(
  String.raw`\b(closed|closing|shut|opened|opening|started|starting|began|begun|ended|stopped) ${HOW_LATE}(early|late|before (the )?time)\b|\b(late|delayed) (opening|start|arrival)\b|\b(ki|vi)(li|me)?(fungwa|funguliwa|fungua|funga) (\w+ )?(mapema|kuchelewa|kabla ya (wakati|muda|saa))\b|` +
    String.raw`\b(kura|karatasi|vifaa|upigaji|kituo|vituo|masanduku|sanduku|makarani|karani|iebc|kiems|ballots?|voting|polling|materials)\b (\w+ ){0,3}?\w*chelew\w*|\b(voting|polling|ballots?(?! box)|materials|kits?|clerks|officials|iebc|papers) ${HOW_LATE}(delayed|late)\b`,
);
/** Ballot papers or materials run out or missing: "hakuna ballot papers", "karatasi za kura ziliisha", "we ran out of ballots". */
const NO_MATERIALS =
  /\b(hakuna|hakukuwa na|no|no more|ran out of|run out of|running out of|out of|shortage of|not enough|lack of) (\w+ )?(ballot papers?|ballots|karatasi|vifaa|materials|kits?)\b|\b(ballot papers?|ballots|karatasi( za kura)?|vifaa)\b (\w+ ){0,2}?(zimeisha|ziliisha|zimekwisha|zilikwisha|vimeisha|viliisha|hazikutosha|hazitoshi|havikutosha|havitoshi|hazikufika|havikufika|hazipo|havipo|ran out|run out|finished|were not enough|never arrived|did not arrive|didn t arrive)\b/;
/** The polling officials: "presiding officer", "deputy presiding", "clerk", "IEBC", "returning officer". */
const OFFICIALS = /\b(presiding|clerks?|iebc|returning officer|karani|makarani|msimamizi|wasimamizi)\b/;
/** Kept out: "refused ... entry", "denied", "barred", "kicked out", "walikataa", "walizuia". */
const KEPT_OUT = /\b(refused|refusing|denied|denying|barred|barring|blocked|locked out|kicked out|thrown out|chased out|chased (away )?from|not allowed|kept out|\w*kataa|\w*zuia|\w*fukuza|\w*fukuzwa)\b/;
/** Paid or hired to disrupt: "youth were paid to disrupt the rally", "vijana walilipwa kuvuruga mkutano", "hired goons to break up". */
const PAID_TO_DISRUPT = /\b(paid|hired|given money|bribed|ferried|(wa|a)(li|me|ka|na)(lipwa|pewa pesa|kodiwa|kodishwa))\b (\w+ ){0,3}?(to )?(disrupt\w*|break up|cause (chaos|violence|trouble)|heckle|ku ?vuruga|kuzua (fujo|vurugu)|kuleta (fujo|vurugu))\b/;
/** Brought in: "ballot boxes were brought in", "yaliletwa", "walileta masanduku", "sneaked in". */
const BROUGHT_IN = /\b(brought|bringing|brings|ferried|smuggled|sneaked|snuck|delivered|(ya|wa|a)(li|me|ka|na)let(wa|a)|(wa|a)(li|me|ka|na)(ingiza|singiza))\b/;
/** How they came: from outside, extra ones, hidden: "smuggled", "extra boxes", "masanduku ya ziada", "kwa siri". */
const BROUGHT_HOW = /\b(smuggled|sneaked|snuck|secretly|hidden|extra|additional|another|ziada|mengine|kwa siri|kisiri|late|after (voting|the polls|polls closed))\b/;
/** Where agents watch: the tallying centre, the polling station, "kituo cha kujumlisha kura". */
const AGENTS_PLACE = /\b(tallying|tally|polling|counting|station|centre|center|hall|kituo|kituoni|kujumlisha|kuhesabu|kuhesabia)\b/;
/** Telling, directing, forcing: "telling old people", "anawaambia wazee", "directing voters". */
const TELLS_WHOM = /\b(telling|told|tells|tell|directing|directed|instructing|instructed|forcing|forced|pressuring|showing|\w*ambia|\w*lazimisha|\w*elekeza|\w*shurutisha)\b/;
/** Whom to vote for: "who to vote for", "to vote for X", "wampigie (kura) nani", "wapigie kura". */
const VOTE_FOR = /\b(who|whom|which candidate|which party) (\w+ ){0,2}?(to )?vote\b|\b(to|must|should) vote for\b|\b\w*(m|wa)pigi(e|a) (kura|nani)\b|\b(wam|wa|am)pigie\b(?! simu)/;
/** The KIEMS kit down: "failed", "not working", "haifanyi kazi", "imeharibika". */
const KIT_FAILED = /\b(fail\w*|not working|isnt working|is not working|stopped working|down|broke\w*|malfunction\w*|faulty|hang\w*|dead|flat|off|haifanyi|hazifanyi|haikufanya|imekataa|zimekataa|\w*haribika|imezima|zimezima)\b/;
/** Voters' names missing from the register: "names missing", "not in the register", "majina hayako". */
const NAMES_MISSING = /\bnames? (\w+ ){0,2}?(missing|not found|not in|not on|absent)\b|\b(not|missing) (in|from|on) the (register|list)\b|\bmajina (\w+ )?(hayako|hayapo|hayakuonekana|yamepotea|hayamo)\b|\bjina (\w+ )?(haliko|halipo|halikuonekana|halimo)\b/;
/** A community named and told to go, or called vermin: "luos should go back home", "wakikuyu waondoke". */
const COMMUNITIES = String.raw`kikuyus?|luos?|kalenjins?|kambas?|luhyas?|kisiis?|merus?|somalis?|maasais?|turkanas?|mijikenda|wakikuyu|wajaluo|waluo|wakalenjin|wakamba|waluhya|wakisii|wameru|wasomali|wamaasai|waturkana`;
/** ... or to be removed, chased or burnt out: "kikuyus should be removed", "must be chased away". */
const COMMUNITY_OUT = new RegExp(
  String.raw`\b(${COMMUNITIES})\b (\w+ ){0,6}?(go back|go home|must go|should go|should leave|must leave|to leave|leave our|are (dogs|snakes|cockroaches)|(should|must|to|will) be (removed|chased|evicted|kicked out|expelled|driven out|burnt out|finished)|warudi|waondoke|watoke|wahame|waende kwao|ni (mbwa|nyoka|mende)|wafukuzwe|waondolewe)\b`,
);
/**
 * A crowd or a group told to drive out a community or outsiders, or to burn them out: "chase away
 * all the outsiders", "burn the houses of luos", "wawafukuze wakuja". Said of hawkers or touts ("chased
 * away the hawkers"), no community: nothing.
 */
const COMMUNITY_ATTACKED = new RegExp(
  String.raw`\b(chase|drive|kick|remove|evict|burn|\w*fukuz\w*|\w*choma)\b (away |out )?(\w+ ){0,4}?(${COMMUNITIES}|outsiders?|foreigners|watu wa kuja|wakuja|madoadoa)\b`,
);
/**
 * A call to harm a community, as a group chat or a speaker puts it: "tuwachome wajaluo" (let us
 * burn the Luo), "tuwafukuze wakikuyu", "burn the kalenjins": incitement, whatever the verb's object.
 */
const COMMUNITY_HARM = new RegExp(
  String.raw`\b(tu|m|wa)?wa(chome|ue|fukuze|shambulie|ondoe|chinje|kate|maliz\w*)\b (\w+ ){0,2}?(${COMMUNITIES})\b|` +
    String.raw`\b(burn|kill|chase|attack|finish|evict|slaughter) (all )?(the )?(${COMMUNITIES})\b`,
);
/** A chief or another public officer of the administration: "chief", "assistant chief", "chifu", "DCC"; not a "chief agent". */
const CHIEF = /\b(chief|chiefs|chifu|machifu|dcc|county commissioner)\b(?! (agent|agents|executive|whip|justice|guest|camp))/;
/** Forced or threatened: "forcing", "intimidating", "anawalazimisha", "aliwatishia". */
const COERCED = /\b(forc\w*|coerc\w*|intimidat\w*|threaten\w*|\w*lazimisha\w*|\w*shurutisha\w*|\w*tishia)\b/;
/** Campaigning: "campaigning for", "kampeni", "anapigia debe". */
const CAMPAIGNING = /\b(campaign|campaigns|campaigning|campaigned|canvass\w*|kampeni|\w*pigia debe)\b/;
/** A vehicle of the state: "county ambulance", "government vehicle", "county trucks", "gari la serikali". */
const STATE_VEHICLE = /\b(county|government|govt|serikali|kaunti|ministry|cdf|gk)\b (\w+ ){0,1}?(vehicles?|cars?|trucks?|lorr(y|ies)|ambulances?|bus|buses|tractors?|bowsers?|gari|magari|lori)\b|\b(gari|magari|lori) (la|ya) (kaunti|serikali)\b/;
/** Used for a campaign: posters, a rally, voters ferried, supporters carried. */
const CAMPAIGN_USE = /\b(campaign\w*|kampeni|posters?|rally|rallies|mkutano|ferry\w*|voters?|wapiga kura|supporters?|wafuasi)\b/;
/**
 * Held and not let go: "hawataki kumwachilia", "wamekataa kumpa bond", "wamemnyima dhamana", "hawajamwachilia" (in
 * Sheng "hawajamrelease"), "they refused to release him", "denied him bail": kept in, an unlawful detention when no
 * charge follows.
 */
const NOT_RELEASED =
  /\b(hawataki|hataki|wamekataa|walikataa|amekataa|alikataa|wanakataa|anakataa) (ku)?(mw|ni|tu|wa|m)?achili(a|wa)\b|\b(ha|hawa)(ja|ku)((ni|m|mw|tu|wa)achilia|(ni|m|tu|wa)release)\b|\b(refused|refuse|refuses|refusing|won t|wont|will not|would not) (to )?(release|free) (him|her|them|me|us|my \w+|our \w+)\b|\b(refused|denied|deny|denying|denies|(hawataki|wamekataa|walikataa|wanakataa) ku(m|mw|ni|tu|wa)pa|(wa|a)(li|me|ka|na)(ni|m|mw|tu|wa)nyima) (him |her |me |us |them )?(police |cash )?(bond|bail|dhamana)\b/;
/** A release refused without money: "refused to release my brother without 5k", "walikataa kumwachilia bila elfu tano". */
const RELEASE_REFUSED = /\b(refused|refuses|refusing|wont|will not|would not|walikataa|alikataa|amekataa|wamekataa|hawataki|hataki) (to )?(release|free|let \w+ go|\w*achili\w*)\b (\w+ ){0,4}?(without|unless|until|bila|mpaka|hadi)\b/;
/** "Something small" (the English of "kitu kidogo"), as typed: "smthg small", "sumthing small". */
const SOMETHING_SMALL = /\b(something|smthg|smthn|smth|somethin|sumthing|kitu) small\b/;
/** Machetes: "pangas", "mapanga"; not "panga foleni", "panga mstari" (to queue, to line up). */
const PANGAS = /\b(pangas|mapanga|machetes?|panga)\b(?! (foleni|mstari|laini|line|safu|nyumba|chumba))/;
/** Outsiders told to go: "outsiders should go back to their homes", "watu wa kuja warudi kwao", "wakuja waondoke". */
const OUTSIDERS_OUT = /\b(outsiders?|foreigners|watu wa kuja|wakuja|madoadoa)\b (\w+ ){0,6}?(go back|go home|leave|return|warudi|warudishwe|waondoke|waondolewe|watoke|wahame|waende kwao)\b/;
/** A door kicked in: "kicked our door", "kicked down the gate", "walipiga teke mlango" (no one kicked). */
const DOOR_KICKED = /\bkick(ed|ing)? (down |in |open )?(the |our |my |his |her |their )?(doors?|gates?)\b|\b\w*pig\w* teke (mlango|milango|geti)\b/gi;
/**
 * Harassed, in Swahili: "walitusumbua", "alinisumbua" (bothered, harassed us); not "hakuna aliyetusumbua"
 * (no one bothered us), "hawakutusumbua" (they did not), nor "nisimsumbue" (told not to bother him).
 * The English "harassed" may be sexual harassment: the reporter chooses, as before.
 */
const HARASSED = /(?<!\bhakuna )\b(?!(si|ha|hatu|ham|hawa)(ja|ku))\w*((ni|m|mw|tu|wa)sumbu(a|wa)|sumbuliwa)\b/;
/** Insulted, in Swahili: "walinitukana", "wanitukana", "kututukana"; not "hakuna aliyenitukana", "hawakunitukana". */
const INSULTED = /(?<!\bhakuna )\b(?!(si|ha|hatu|ham|hawa)(ja|ku))\w*((ni|m|mw|tu|wa)tukan(a|wa|ia)|tukanwa)\b/;
/** Sent away: "kicked out", "kicked us out", "kicked them out of". */
const KICKED_OUT = /\bkicked (\w+ )?out\b/gi;
/** A person taken, in English: "police took my brother", "took my son last night", "took him away"; not to hospital or home. */
const PERSON_TAKEN_EN = /\b(took|taken|picked up|carried off|dragged|bundled) (away )?((my|our|his|her|their) (brother|sister|son|daughter|husband|hubby|wife|father|mother|dad|mum|mom|child|children|kids?|boy|girl|cousin|uncle|nephew|niece|neighbou?r|friend|relative|brother in law)s?|(him|her|them) away)\b(?! ((\w+ ){0,2}to (the )?(hospital|clinic|home|school)|s (phone|money))\b)/;
/** Taken for care, not held: "the ambulance took my brother to Kenyatta", "took him to the doctor". */
const CARED_FOR = /\b(ambulance|hospital|clinic|doctor|nurse|red cross|st john|dispensary|hospitali|zahanati|daktari)\b/;
/**
 * A person taken: "walimchukua", "wakachukua mume wangu", or seized as spoken with the person after
 * the verb ("walishika kaka yangu", "wameshika bro"); not things ("walinichukua picha", "walishika
 * simu yangu"), to hospital, nor touched wrongly ("alishika dada yangu vibaya").
 */
const PERSON_TAKEN = /\b((wa|a)(li|me|ka)(m|mw|mu|ni|tu|wa)chukua|(wa|a)(li|me|ka)(chukua|shika) (mume|mke|kaka|dada|mwanangu|wanangu|mtoto|watoto|baba|mama|babangu|mamangu|ndugu|binamu|bwana|jirani|kijana|vijana|mwanafunzi|wanafunzi|bro|brathe|sis|mtoi|msee|jamaa))\b(?! (\w+ ){0,2}(picha|video|pesa|simu|maelezo|alama|hospitali|zahanati|vibaya|matiti|makalio|kifua))|\b(wa|a)(li|me|ka)(m|mw|wa|tu)peleka (\w+ ){0,3}?(kituoni|seli|cell|cells|ndani|rumande|kituo cha polisi|police station)\b/;

/**
 * "-nitisha" (one "i": Sheng's "-niitisha", asked me for) with money after it, a word between at most ("alinitisha
 * hiyo 500", "walinitisha doo"): a money word, or a sum of three digits or more, or one with its money word ("50 bob").
 * An hour, a date or a count is no sum ("walinitisha saa 4", "mara 3", "20 of us").
 */
const TISHA_MONEY =
  /(?<!\p{L})(\p{L}*?(?:ni|m|tu|wa))tisha(?=\s+(?:\p{L}+\s+)?(?:(?:pesa|doo|dooh|mia|elfu|ksh|kes|shillingi|shilingi|bob)(?!\p{L})|\d{3,}|\d+[.,]?\d*\s*(?:k|bob|ksh|kes|shillingi|shilingi|\/-)(?!\p{L})))/giu;

/**
 * Harm they say they will do, in plain words: "watatuua", "wataniua", "atamuua", "watanimaliza" (will kill, finish off),
 * "watatuchoma", "watachoma nyumba" (will burn), "they will kill us", "going to burn (down) our houses".
 * A past burning ("walichoma nyumba"), other things burnt ("watachoma mahindi") and an injection
 * ("atamchoma sindano": kuchoma sindano, to inject) are not. Read
 * as a threat, never as the killing or shooting it names.
 */
const THREATENED_HARM = new RegExp(
  String.raw`\b((wata|ata)(tu|ni|m|mu|mw|wa|ku)(ua|piga risasi|maliza)|${WILL_BURN_SW}|` +
    String.raw`(will|going to|gonna|would|threaten\w* to) (kill|burn( down)?|shoot) (us|me|him|her|them|you|my|our|his|their|the house|the houses))\b`,
  'gi',
);
/** The same words for a test: without the global flag's `lastIndex`, compiled once (the wizard reads every first message with it). */
const THREATENS = new RegExp(THREATENED_HARM.source, 'i');
/** A harm they say they will do ("wataniua", "watatuchoma nyumba", "they will kill us"): a threat, told. */
export function threatensHarm(text: string): boolean {
  return THREATENS.test(text);
}
/** A death told: "to death", "died", "mpaka kufa", "hadi akafa", "alifariki", "akafia hospitali", "hakupona". */
const DEATH_TOLD = /\b(to death|died|passed away|succumbed|hakupona|\w*fariki\w*|(a|wa)(li|me|ka)fia|(a|wa)(li|me|ka)(ku)?fa|(hadi|mpaka) (kufa|kifo))\b/;
/** An accident ("ajali", "accident"): a death in one is no killing by the police. */
const ACCIDENT = /\b(ajali|accident)\b/;
/** The police refusing to take a report: "refused to record my statement", "walikataa kuandika ripoti", "hawakutaka kupokea". */
const REFUSED_TO_RECORD = /\b(refused|refuse|declined|would not|wouldn t|did not|didn t|walikataa|amekataa|alikataa|wamekataa|hawakutaka|hawataki) (to )?(record|take|write|register|open|kuandika|kuchukua|kupokea|kurekodi|kusajili)\b/;
/** Where someone is held: "ndani", "seli", "rumande", "kituoni", "jela". */
const HELD_WHERE = String.raw`ndani|jela|jail|seli|cell|cells|rumande|kituoni|station|pingu`;
/** ... or for how long, or said alone: "walinifunga siku tatu", "walinizuilia bila sababu", "walinifunga". */
const HELD_HOW = String.raw`(?=$| (${HELD_WHERE}|bila|siku|masaa|saa|wiki|usiku|jana|juzi|leo|tangu|hadi|mpaka|huko|pale|kule)\b)`;
/**
 * Locked up: "wakanirusha ndani", "walimtupa ndani", "wakatuweka ndani", "walinifunga", "walimfunga
 * ndani", "walimfungia seli", "walinizuilia", "nilizuiliwa kituoni". Not shut out ("walitufungia nje"),
 * a road closed ("walifunga barabara"), a thing held back ("walinizuilia kitambulisho") nor kept from
 * going in ("alizuiliwa kuingia"): the word after says which.
 */
const LOCKED_UP = new RegExp(
  String.raw`\b\w*(rusha|tupa|weka) ndani\b|\b(wa|a)(li|me|ka|na)(ni|m|mw|tu|wa)fungia (${HELD_WHERE})\b|` +
    String.raw`\b(wa|a)(li|me|ka|na)(ni|m|mw|tu|wa)(funga|zuilia)\b${HELD_HOW}|\b(ni|tu|a|wa)(li|me|ka)zuiliwa\b${HELD_HOW}`,
);
/** The cell as the "or else" of money wanted: "ama wanipeleke cell", "au watanipeleka ndani", "or they take me to the cells". */
const OR_ELSE_CELL = /\b(ama|au|or|or else|otherwise|la sivyo|sivyo) (\w+ ){0,5}(cells?|seli|ndani|kituoni|station|court|kortini)\b/;
/** Carried off or taken away: "took", "snatched", "ran away with", "wakibeba", "walichukua", "waliiba". */
const CARRIED_OFF = /\b(took|taken|taking|carried|carrying|carry|stole|stolen|snatched|grabbed|ran (away |off )?with|drove (off |away )?with|\w*beba\w*|\w*chukua\w*|\w*nyakua\w*|(wa|a|ku|m)(li|me|ka|na)?iba|\w*ibwa|hid|hidden|hiding|hide|(wa|a|ya|ku)(li|me|ka|na)?fich(a|wa))\b/;
/** Alive in hospital, in plain words: "he is (still) in hospital", "admitted", "yuko hospitali", "amelazwa". */
const IN_HOSPITAL = /\b(is|s|are|still) (now |still )?(in|at|admitted (in|at|to)) (the |a )?hospital\b|\badmitted\b|\b(bado )?(yuko|ako|wako) (\w+ )?hospitali\b|\b\w*lazwa\b/;
/** A death told ("died", "passed away", "akafia hospitali", "alifariki"): never read as alive in hospital. */
const DIED = /\b(died|dead|passed away|succumbed|hakupona|\w*fariki\w*|\w*fia|(a|wa)(li|me|ka)(ku)?fa)\b/;
/** Caught: "nimeshikwa", "alishikwa", "walinishika" (held by the hand, not yet taken in). */
const CAUGHT = /\b\w*shik(wa|iwa|a)\b/g;
/** Told to pay: "nilipe", "tulipe", "walisema alipe" (that I, we, he should pay), "told me to pay", "pay them". */
const PAY_TOLD = /\b(ni|tu|a|m|wa|u)lipe\b|\b(told|asked|wanted|forced) (me|us|him|her|them) to pay\b/;
/** Votes stolen or rigged: "kura zinaibiwa", "waliiba kura", "wizi wa kura", "stealing our votes", "kura zimechakachuliwa", "rigged the election". */
const VOTES_STOLEN = /^rigging$|\b(are|is|were|was) rigging\b|\brigging (at|in|during) (the )?(tallying|counting|polling|election|results)\b|\bkura (\w+ ){0,2}?(zi|zime|zili)?(punguzwa|pungua)\b|\bvotes? (\w+ )?(were|was|have been|has been) (reduced|cut|slashed)\b|\breduced (our |the |my |their )?votes\b|\bkura (\w+ ){0,2}?(zi|zime|zina|zili)?(ibiwa|ibwa|chakachuliwa)\b|\b\w*(iba|chakachua) kura\b|\bwizi wa kura\b|\b(stole|stolen|steal|stealing|rigged|rigging|rig) (our |the |my |their )?(votes?|election|results)\b|\b(votes?|election|results) (were|was|are|is|being|have been|has been) (\w+ )?(stolen|rigged)\b/;
/**
 * Shot and alive: the reporter telling it ("nilipigwa risasi", "police shot me", "I was shot"), "has been
 * shot" ("amepigwa risasi") or "was shot" ("alipigwa risasi"), or in a limb ("risasi mguuni", "shot him
 * in the leg"); a death told with it (`DIED`) aside.
 */
const SHOT_ALIVE = /\b((ni|tu)(li|me|ka)pigwa risasi|(a|wa)(me|li|ka)pigwa risasi|(wa|a)(li|me|ka)(ni|tu)pig\w* risasi|(wa|a)(li|me|ka)(ni|tu)shoot\w*|shot (me|us)|(i|we) (was|were|have been|got) shot|risasi (ya |kwa |kwenye |ya kwa )?(mguu\w*|miguu|mkono\w*|mikono|paja\w*|bega\w*|goti\w*)|shot (\w+ ){1,2}?in the (leg|legs|arm|arms|thigh|foot|hand|shoulder|knee))\b/;
/** Money wanted "to let me go", "ndio waniachilie", "ili aniachilie", "ndio niende" (so that I may go), or paid and then "wakaniachilia": the price of a release. */
const LET_GO = /\b(let (me|him|her|us|them) go|(ni|tu|a|wa)(li|ka|me)achiliwa|released (me|him|her|us|them)|(was|were|got|been) released|(ndio|ndiyo|ili) (ni|tu|a|wa|m)ende|so (that )?(i|we) (can|could) go|release (me|him|her|us|them)|(ndio|ndiyo|ili|to) \w*achili\w*|\w*(ni|m|mw|tu|wa)achili(e|we)|\w*(ni|m|mw|tu|wa)achie|\w*(ka|li|me)(ni|m|mw|tu|wa)achi(li)?(a|wa))\b/;

/**
 * A release's lawful price: a bond or bail ("dhamana"), or a fine with the court named ("akapelekwa mahakamani ...
 * kulipa faini"); not "niko fine", "pay or we take you to court", nor a "fine" paid on the spot without a receipt.
 */
const LAWFUL_PRICE = /\b(bond|bail|dhamana)\b|^(?=.*\b(faini|fine|fined)\b)(?=.*\b(court|mahakama\w*|kortini)\b)(?!.*\b(bila risiti|without (a )?receipt|no receipt|ama|au|or)\b)/;

/** Robbed: "robbed me", "stole my phone", "snatched", "walinipora", "waliniibia", "aliiba". */
const ROBBED = /\b(robbed|robbing|mugged|stole|snatched|(wa|a)(li|me|ka|na)(ni|m|mw|tu|wa)?(pora|ibia|iba))\b/;
/** A theft someone is accused of: "they say he stole", "accused of stealing", "kesi ya wizi", "eti aliiba", "walimsingizia kuiba". */
const ACCUSED_OF_THEFT = /\b(say|says|said|saying|claim|claims|claimed|claiming|accus\w*|alleg\w*|suspected|charged|framed|kesi ya|eti|wanasema|walisema|wakasema|anasema|alisema|wanadai|walidai|wakadai|\w*singizi\w*|\w*wekelea|\w*bambikia)\b (\w+ ){0,3}?(stole|stolen|steal|stealing|theft|robbery|robbed|wizi|\w*iba)\b/;
/** Money handed out: "wanagawa pesa", "walikuwa wakigawa doo", "handing out money", "distributing cash". */
const MONEY_HANDED_OUT = /\b(\w*gawa|\w*gawia|\w*gawiwa|handing out|handed out|hand out|hands out|giving out|gave out|give out|dishing out|dished out|distribut\w*|sharing out|shared out)\b (\w+ ){0,2}?(pesa|money|cash|doo|mkwanja|chapaa|notes|envelopes?|bahasha)\b/;
/** Thieves named, or the police asked for help after a robbery ("refused to help", "did nothing", "walikataa kuandika"). */
const ROBBED_BY_OTHERS = /\b(thie(f|ves)|robbers?|muggers?|wezi|mwizi|majambazi|jambazi|thugs|goons|wahuni|refused|did nothing|(not|never|no|wont|won t|didn t|did not) help\w*|ignored|reported|walikataa|alikataa|hawakufanya|hawakunisaidia|hawakusaidia|hawanisaidii|niliripoti|tuliripoti)\b|\b(was|were|got|been) (robbed|mugged)\b(?! by (the )?(police|cops?|askari|officers?|policem[ae]n))/;
/** To go to an officer's own house, or else ("i must go with him to his house or he will charge me", "niende naye kwake ama atanishtaki"). */
const HIS_HOUSE_OR_ELSE = /\b(go|come|follow|went|sleep|spend the night) (with him |with her )?(to )?(his|her) (house|home|place|room|quarters|keja)\b.*\b(or|or else|otherwise|unless|if not)\b|\b(\w+ende|\w*fuate) (naye |nae )?(kwake|nyumbani kwake|kwa nyumba yake|chumbani kwake|kwa keja yake)\b.*\b(ama|au|la sivyo|sivyo|ndio|ndiyo|ili)\b/;

/**
 * A chief or an assistant chief (the National Government Administration), or county askari
 * ("kanjo", "askari wa kaunti"): not police officers; their own camp or office named as the place
 * ("near the chief camp") is no one's act. Names the kind of a story without an election in it.
 */
const NOT_POLICE_OFFICERS = /\b((assistant |sub |senior )?(?<!\b(kambi|ofisi|afisi) ya )(chief|chiefs|chifu|machifu)\b(?! (s )?(camp|camps|office|offices|agent|agents|executive|whip|justice|guest|inspector|inspectors|superintendent))|county (askari|askaris|enforcement|inspectorate|officers)|(askari|maaskari) wa (kaunti|county|kanjo)|kanjo)\b/;

/** A chief or county askari named in a story told of no election: not the police, said so to the reporter (where such cases go). */
export function namesOfficersNotPolice(text: string): boolean {
  if ([...text].length > 2000) return false;
  const plain = plainWords(text);
  return NOT_POLICE_OFFICERS.test(plain) && !VOTING.test(text) && !ELECTION_PLACES.test(text) && !CAMPAIGNING.test(plain);
}

/** The police denied or said absent ("it was county askaris not police", "hawakuwa polisi", "hakukuwa na polisi", "hakukuwa na askari", "there were no police"): no police named. */
const POLICE_DENIED = /\b(not|never|weren t|wasn t|were not|was not|si|sio|siyo|sii|hawakuwa|hakuwa|hawakua|hakua|(hakukuwa|hakukua|hapakuwa|hapakua) na|there (were|was) no|no) (the |any |askari )?(police|polisi|cops?|policem[ae]n|karao|makarao|(ma)?askaris?)\b/g;
/** Every chief or county askari named (`NOT_POLICE_OFFICERS`), taken out to read who else is named. */
const NOT_POLICE_OFFICERS_ALL = new RegExp(NOT_POLICE_OFFICERS.source, 'g');
/**
 * The county's askari, named with "askari" on either side: "kanjo askari", "askari kanjo", "askari wa kaunti", "maaskari wa county",
 * "county enforcement askari", and the kanjo's own ("kanjo na askari wao", "the kanjo and their askaris"; "kanjo na askari" may be police).
 */
const COUNTY_ASKARI =
  /\b(kanjo (ma)?askaris?|county (enforcement |inspectorate )?(ma)?askaris?|(ma)?askaris? (wa )?(kanjo|kaunti|county)|(kanjo|county (enforcement|inspectorate|officers)) (na (ma)?askaris? wao|and their (ma)?askaris?))\b/g;
/** "Askari" in any form ("maaskari", "askaris"): the police, the askari with a chief among them. */
const ASKARI = /\b(ma)?askaris?\b/;
/** Administration Police, the police officers posted with a chief ("the chief and the APs"). */
const ADMINISTRATION_POLICE = /\b(aps?|administration police)\b/;

/**
 * A private guard or watchman, no police officer ("askari wa gate", "askari wa usiku", "maaskari wa
 * kampuni", "askari wa bank", "askari gongo", "mlinzi", "watchman", "security guard", "G4S guard"):
 * "askari" alone is the police, only its guard's places make a guard of it. A politician's "mlinzi"
 * is left out: their bodyguards are often police officers.
 */
const PRIVATE_GUARDS = /\b((ma)?askaris? wa (gate|geti|lango|mlango|usiku|kampuni|company|bank|benki|estate|ploti|plot|apartment|flats?|supermarket|mall|hoteli|hotel|shule|school|hospitali|hospital|kiwanda|factory|duka|shop|mjengo|site)|(ma)?askaris? gongo|(mlinzi|walinzi)(?! wa (mbunge|gavana|governor|mp|waziri|seneta|senator|rais|president|mheshimiwa|mca))|watchm[ae]n|(security|private|gate|night|bank|estate|company|g4s|kk|securex) guards?|g4s)\b/i;
/** Every guard named (`PRIVATE_GUARDS`), taken out to read who else is named. */
const PRIVATE_GUARDS_ALL = new RegExp(PRIVATE_GUARDS.source, 'gi');

/** Who, not the police, a story names as having acted: a chief or county askari, or a private guard. */
export type NotPoliceWho = 'officials' | 'guards';

/**
 * Who a story told of no election names instead of the police: a chief or county askari
 * ('officials', `namesOfficersNotPolice`), or else a private guard or watchman ('guards'); undefined
 * when a police officer is named beside them, a case IPOA, the police's overseer, takes. Police or APs
 * named ("the chief called police") are the police, and so is "askari" but the county's ("askari wa
 * kaunti", "kanjo askari") or a guard's ("askari wa gate"): it means the police in everyday Kenyan
 * Swahili, and a chief's askari ("chief na askari wake", "askari wa chief") are the Administration
 * Police posted to chiefs (since 2025 the National Government Administration Police Unit), police
 * officers IPOA oversees. One rule for the bot's notice and the console's agency, so a reporter is
 * never told "not the police" of a case the console treats as the police's.
 */
export function notPoliceNamed(text: string): NotPoliceWho | undefined {
  const officials = namesOfficersNotPolice(text);
  if (!officials && !namesGuards(text)) return undefined;
  const rest = plainWords(text).replace(PRIVATE_GUARDS_ALL, ' ').replace(COUNTY_ASKARI, ' ').replace(NOT_POLICE_OFFICERS_ALL, ' ').replace(POLICE_DENIED, ' ');
  if (POLICE_NAMED.test(rest) || ASKARI.test(rest) || ADMINISTRATION_POLICE.test(rest)) return undefined;
  if (officials) return 'officials';
  // Private guards in Kenya carry no gun, and a politician's guard is often a police officer: an armed "guard" or a politician's is the police.
  return ARMED_OR_POLITICIAN.test(rest) ? undefined : 'guards';
}

/** A gun or shooting ("risasi", "bunduki", "shot"), or a politician ("mbunge na mlinzi wake"), told beside a guard. */
const ARMED_OR_POLITICIAN = /\b(risasi|bunduki|shot|shoot|shoots|shooting|gun|guns|gunpoint|rifle|pistol|mbunge|gavana|governor|mp|waziri|minister|seneta|senator|rais|president|mheshimiwa|mca)\b/;

/** A private guard or watchman named in a story told of no election (`PRIVATE_GUARDS`). */
function namesGuards(text: string): boolean {
  if ([...text].length > 2000) return false;
  return PRIVATE_GUARDS.test(text) && !VOTING.test(text) && !ELECTION_PLACES.test(text) && !CAMPAIGNING.test(plainWords(text));
}

/** Words that name the police ("askari", "karao", "afande", "cops", "maboi wa blue"), and as typed on a phone ("plice"). */
export const POLICE_NAMED = /\b(polisi|mapolisi|polis|police|plice|polise|polici|poliece|polisman|policeman|policemen|askari|karao|makarao|karau|makarau|sanse|masanse|afande|kanjo|cops?|gsu|ocs|ocpd|dci|(ma)?bo[iy]s? wa blue|boys in blue)\b/i;
/** Voters or a candidate: "wapiga kura", "voters", "mgombea", "the aspirant". */
const VOTERS_OR_CANDIDATE = /\b(voters?|(wa|m)piga kura|candidates?|aspirants?|mgombea|wagombea|mwaniaji|wawaniaji)\b/;
/** The bribe the police ask, by its everyday name: "kitu kidogo", "kakitu kidogo", "something small" (`SOMETHING_SMALL`). */
const POLICE_BRIBE = new RegExp(`\\bk?a?kitu kidogo\\b|${SOMETHING_SMALL.source}`);
/** Words that put a story in an election: voters, a polling station, a ballot, a campaign. */
const VOTING = /\b(kura|uchaguzi|election|elections|iebc|rigging|votes?|voted|voters?|voting|polling|ballots?|kampeni|campaign|candidate|mgombea|wagombea)\b/i;

/** An election named beyond voting: the tallying centre ("kituo cha kujumlisha kura"), the presiding officer, a rally. */
const ELECTION_PLACES = /\b(tallying|kujumlisha|presiding officer|rally|rallies)\b/i;

/**
 * The kind a story names when it names one only: an election (a polling station, a ballot, the IEBC,
 * tallying, a vote, a campaign, a candidate) or the police; undefined for both ("police beat voters
 * at the polling station": police at an election may be either's case) or neither.
 */
export function kindInWords(text: string): ReportKind | undefined {
  if ([...text].length > 300) return undefined;
  // A chief, county askari or private guard, in no election: the police kind is the closest (the wizard says they are not the police).
  // "Kitu kidogo" ("something small"), the bribe a policeman asks, names them as surely as "askari" does.
  const police = POLICE_NAMED.test(text) || namesOfficersNotPolice(text) || namesGuards(text) || POLICE_BRIBE.test(plainWords(text));
  const election = VOTING.test(text) || ELECTION_PLACES.test(text);
  return police === election ? undefined : police ? 'police' : 'election';
}

/**
 * The one category of one kind a story told before the kind was chosen names ("a policeman asked
 * me for 500 bob", "wanahonga wapiga kura"): for words that fit a category of each kind
 * ("walinipiga": police force or election violence), the police or the voters named say which,
 * and a kind named is the only one offered; undefined when nothing does. Only ever offered for a tap, as `categoryInWords`.
 */
export function categoryOfEitherKind(text: string): { kind: ReportKind; code: CategoryCode } | undefined {
  // Not chosen: harassment is the police's only when they are named (`policeMeant`).
  const policeFound = categoriesInWords(text, 'police', false);
  const electionFound = categoriesInWords(text, 'election', false);
  const police = onlyOne(policeFound);
  const election = onlyOne(electionFound);
  const named = kindInWords(text);
  // Only the kind named, when one is: "polisi walinipiga wakachukua pesa" (police: force and a
  // bribe, no one category) is never offered as election violence, the one election category it fits.
  // Named by neither, a kind is offered only when the other fits nothing: "they arrested my son and
  // are beating him" (police: an arrest and force) is not offered as election violence either.
  const kind = named ?? (police && !electionFound.size ? 'police' : election && !policeFound.size ? 'election' : undefined);
  const code = kind === 'police' ? police : kind === 'election' ? election : undefined;
  return kind && code ? { kind, code } : undefined;
}

/** Someone other than the reporter let go: "walimwachilia", "aliachiliwa", "the suspect was released", "released him". */
const OTHER_RELEASED = /\b((wa|a)(li|me|ka)(m|mw|mu|wa)achili(a|wa)|(wa|a)(li|me|ka)achiliwa|(released|freed|let go of) (him|her|them|the suspects?|the accused|the (man|men|woman|guy|person|people) who)|(?!(i|we)\b)\w+ (was|were|has been|have been|got) (released|freed|let go))\b/;
/** A suspect named: "mshukiwa", "the suspect", "the accused", "the man who raped my daughter". */
const SUSPECT = /\b(suspects?|the accused|mshukiwa|washukiwa|mshtakiwa|washtakiwa|the (man|men|woman|guy|person|people) who (raped|defiled|beat|attacked|stabbed|killed|robbed|assaulted))\b/;
/** Money the police took from someone else: "baada ya kupewa pesa", "after being paid", "after receiving a bribe", "after his family paid". */
const PAID_OFF = /\b(ku|wa|a)(li|me|ka)?pewa (pesa|hongo|doo|chai|\d+)\b|\bafter (being|getting|receiving|taking|accepting) (paid|bribed|a bribe|bribes|money|cash)\b|\bafter (his|her|their) (family|people|relatives|friends) (paid|bribed)\b/;
/** The reporter's side paid: "baada ya sisi kulipa", "we paid", "nililipa", "my family paid". */
const WE_PAID = /\b(i|we|my family|our family) (\w+ )?(paid|pay|gave|bribed)\b|\b(ni|tu)(li|me|ka)(wa|m|mw)?(lipa|pa|honga)\b|\b(sisi|mimi) (ku)?(lipa|toa)\b/;

/** The reporter's own let go ("walimwachilia mwanangu", "released my son") or held "as a suspect": their arrest, or their bribe. */
const OURS_RELEASED = /\b\w*achili\w* (mwanangu|wanangu|kaka|dada|mume|mke|bwana|baba|mama|ndugu|binamu)\b|\b(released|freed) (my|our)\b|\b(as a|kama) (suspect|mshukiwa)\b|\bsuspected of\b/;

/** A suspect let go, or someone not the reporter's let go for money they did not pay: an unlawful release. */
function suspectReleased(plain: string, w: Set<string>): boolean {
  // Money given with the reporter's relative let go ("walimkamata mwanangu wakamwachilia baada ya kupewa pesa") is their bribe.
  const paidOff = PAID_OFF.test(plain) && !w.has('relative');
  return OTHER_RELEASED.test(plain) && (SUSPECT.test(plain) || paidOff) && !WE_PAID.test(plain) && !OURS_RELEASED.test(plain);
}
