import { useT } from './admin-i18n.tsx';

/**
 * The keyboard shortcuts of the on-call path, listed in a dialog that "?" opens (admin-script.ts
 * acts on them). The button that opens it appears only when the script runs.
 */
export function ShortcutHelp({ canPost }: { canPost: boolean }) {
  const t = useT();
  return (
    <>
      <p class="shortcuts-open">
        <button type="button" class="link" data-shortcuts-open hidden>
          {t('admin.shortcutsOpen')}
        </button>
      </p>
      <dialog id="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" style="margin-top:0">
          {t('admin.shortcutsTitle')}
        </h2>
        <p class="hint">{t('admin.shortcutsHint')}</p>
        <dl class="pairs">
          {canPost && (
            <>
              <dt>
                <kbd>n</kbd>
              </dt>
              <dd>
                <a href="/admin/incidents/new" data-shortcut="n">
                  {t('admin.shortcutPost')}
                </a>
              </dd>
              <dt>
                <kbd>u</kbd>
              </dt>
              <dd>{t('admin.shortcutUpdate')}</dd>
            </>
          )}
          <dt>
            <kbd>/</kbd>
          </dt>
          <dd>{t('admin.shortcutSearch')}</dd>
          <dt>
            <kbd>?</kbd>
          </dt>
          <dd>{t('admin.shortcutHelp')}</dd>
        </dl>
        <form method="dialog">
          <button type="submit">{t('admin.close')}</button>
        </form>
      </dialog>
    </>
  );
}
