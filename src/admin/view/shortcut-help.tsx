/**
 * The keyboard shortcuts of the on-call path, listed in a dialog that "?" opens (admin-script.ts
 * acts on them). The button that opens it appears only when the script runs.
 */
export function ShortcutHelp({ canPost }: { canPost: boolean }) {
  return (
    <>
      <p class="shortcuts-open">
        <button type="button" class="link" data-shortcuts-open hidden>
          Keyboard shortcuts (?)
        </button>
      </p>
      <dialog id="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" style="margin-top:0">
          Keyboard shortcuts
        </h2>
        <p class="hint">They do nothing while you type in a field.</p>
        <dl class="pairs">
          {canPost && (
            <>
              <dt>
                <kbd>n</kbd>
              </dt>
              <dd>
                <a href="/admin/incidents/new" data-shortcut="n">
                  Post an incident
                </a>
              </dd>
              <dt>
                <kbd>u</kbd>
              </dt>
              <dd>Post an update on the incident shown, or on the first open incident of the dashboard</dd>
            </>
          )}
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>Go to the search field of the screen</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>Show this list</dd>
        </dl>
        <form method="dialog">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
