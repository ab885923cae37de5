export default function UnknownSite() {
  return <main><h1>Site not found</h1><p>No website is configured for this address.</p></main>;
}
