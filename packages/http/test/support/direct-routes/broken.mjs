// A route module that cannot be loaded.
throw new Error("fixture module cannot be loaded");
