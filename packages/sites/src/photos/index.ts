export {
  serveListingPhoto,
  getListingPhotoSource,
  photoFormatFor,
  clearPhotoCache,
  PHOTO_MAX_AGE_SECONDS,
  PHOTO_RETRY_SECONDS,
  type PhotoResponse,
} from "./serve-listing-photo";
export { PHOTO_WIDTHS, isPhotoWidth, type PhotoWidth } from "./resize-photo";
export { fetchRemotePhoto, isBlockedAddress, PhotoFetchError } from "./fetch-remote-photo";
