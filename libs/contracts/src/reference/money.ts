/**
 * An amount in MAD as it travels on the wire: a decimal string with exactly two decimals, at most
 * 12 integer digits (a PostgreSQL `numeric(14,2)`), never a JSON number, so no float rounds it.
 */
export const MAD_AMOUNT_PATTERN = /^(0|[1-9][0-9]{0,11})\.[0-9]{2}$/;
