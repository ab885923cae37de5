export { checkSignInThrottle, type ThrottleCheck } from "./check-sign-in-throttle";
export { recordSignInFailure } from "./record-sign-in-failure";
export { recordSignInSuccess } from "./record-sign-in-success";
export { signInAddress } from "./sign-in-address";
export { staffSignInKeys, visitorSignInKeys, type ThrottleKey } from "./sign-in-keys";
export { signInThrottleSettings, type SignInThrottleSettings } from "./sign-in-throttle-settings";
export { refuseSignIn } from "./refuse-sign-in";
