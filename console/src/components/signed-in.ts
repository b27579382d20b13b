/**
 * What only a signed-in person needs, loaded after sign-in: Web Awesome's icons pointed at our own origin
 * (before any of its elements draws one), the account menu and the session guard.
 */
import '../icons.ts';
import './account-menu.ts';
import './session-guard.ts';
