export { renderListingPhotoSvg, type ListingPhotoOptions } from "./render-listing-photo";
export { listingMediaFor, listingPhotoUrl } from "./listing-media";
export { listingPhotoCaption, PHOTO_SCENES } from "./photo-scenes";
