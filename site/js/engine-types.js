// The shapes of what the engine answers (docs/contract.md), for the page's
// scripts and editors: the page reads these fields by name and never guesses
// their kind. Types only; nothing here runs.

/**
 * @typedef {'eligible'|'ineligible'|'review'|'incomplete'} Status
 * eligible: may apply (with a `selection`: may enter the competition or
 * committee); review: for the deciding body to judge; incomplete: an
 * unanswered question could still decide it.
 */

/**
 * One condition weighed.
 * @typedef {object} Reason
 * @property {string} clause        clause id, e.g. "fcg:2.3.4"
 * @property {boolean|null} met     null: not known
 * @property {string} text          the condition, zh
 * @property {string} text_en       the condition, en
 * @property {true} [review]        the deciding body judges it
 * @property {true} [in_principle]  原则上: the deciding body may make an exception
 * @property {string} [route]       the route it was weighed for (absent: the outcome's requirements)
 */

/**
 * A benefit: its figures by name (numbers in CNY, days, years, m², shares
 * 0..1; strings and booleans for what is not a figure), and its clause.
 * Which names exist is listed per outcome in docs/contract.md section 10.
 * @typedef {{clause: string} & Object<string, number|string|boolean|object|Array<*>>} Benefit
 */

/**
 * What a route asks in return.
 * @typedef {object} Obligation
 * @property {string} id
 * @property {'service'|'report'|'lock'|'condition'|'clawback'|'duty'|'note'} kind
 * @property {string} clause
 * @property {string} text     zh, figures written in
 * @property {string} text_en  en, figures written in
 * (plus its figures by name: years, days, months, visits, …)
 */

/**
 * @typedef {object} Selection
 * @property {'competitive'|'committee'|'case_by_case'|'recognition'} kind
 * @property {string} clause
 * @property {number} [max_per_year]
 * @property {number} [about_total]
 * @property {string[]} [steps]
 */

/**
 * @typedef {object} ClosestStep
 * @property {string} category   the letter above the one reached
 * @property {string} clause     its criterion with the fewest unmet conditions
 * @property {Reason[]} missing  those conditions
 */

/**
 * @typedef {object} Outcome
 * @property {Status} status
 * @property {string|null} value
 * @property {string} [clause]          the deciding route's clause (eligible or review)
 * @property {string} [under_review]    a higher letter in review (fcg.category)
 * @property {Reason[]} reasons
 * @property {Reason[]} priority
 * @property {Reason[]} [notes]
 * @property {Object<string, Benefit>} benefits
 * @property {Obligation[]} obligations
 * @property {Selection} [selection]
 * @property {ClosestStep[]} [closest]  (fcg.category)
 */

/**
 * @typedef {object} Problem
 * @property {string} code
 * @property {string} [path]     JSON pointer of the field
 * @property {string} [policy]
 * @property {string} message
 */

/**
 * @typedef {object} OpenQuestion
 * @property {string} field        dotted field name; a list by its own name
 * @property {string[]} outcomes   the incomplete outcomes waiting on it
 */

/**
 * @typedef {object} Policy
 * @property {string} id
 * @property {string} title
 * @property {string} title_en
 * @property {string} version
 * @property {string} source
 * @property {{from: string, to: string}} in_force
 */

/**
 * evaluate()'s answer.
 * @typedef {object} Assessment
 * @property {'talent-result/1'} schema
 * @property {string|null} as_of
 * @property {Policy[]} policies
 * @property {Object<string, Outcome>} outcomes    every outcome id, always (none when `errors`)
 * @property {OpenQuestion[]} [open_questions]
 * @property {Problem[]} warnings
 * @property {Problem[]} errors
 */

/**
 * checkTeam()'s answer: the team outcome's members at the top.
 * @typedef {Outcome & {schema: 'talent-team-result/1', policies: Policy[], warnings: Problem[], errors: Problem[],
 *   team_funding?: Benefit, origin_unit_fee?: Benefit, service_days?: object, members?: Array<object>}} TeamCheck
 */

export {};
