export function App() {
  return (
    <main className="govuk-main-wrapper" id="main-content">
      <h1 className="govuk-heading-xl">SENDbench</h1>
      <p className="govuk-body">Compare special educational needs and disabilities across English local authorities.</p>
    </main>
  );
}
