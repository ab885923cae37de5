export const OPERATOR = { email: "operator@platform.example", password: "demo-operator-1234" };
export const OWNER = { email: "owner@fairfield.example", password: "demo-owner-1234" };
