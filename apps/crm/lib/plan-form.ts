// Shared by the plan page and its server action: a "use server" module may export only async
// functions, so the form's size lives here.

/** How many step rows the plan form offers; blank rows are ignored. */
export const PLAN_FORM_ROWS = 8;
