/**
 * Who may do what from Slack, decided in one place from the settings: who may change tracked
 * actions and add notes (LEAK_EDITORS; unset, everyone), and who may see members' personal details
 * in a private answer (LEAK_SHOW_PII=true for everyone, else the people in LEAK_PII_USERS).
 * User groups in either list are resolved through Slack (usergroups.users.list, cached briefly).
 */
import type { Config } from '../config.ts';
import type { Directory } from '../people/directory.ts';

export type Access = {
  mayEdit(userId: string | undefined): Promise<boolean>;
  maySeeMemberDetails(userId: string | undefined): Promise<boolean>;
};

export const NOT_AN_EDITOR =
  'Only the people listed in LEAK_EDITORS can change tracked actions or add notes; ask one of them, or ask your Slack admin to add you.';

export function createAccess(config: Config, directory: Directory): Access {
  const { editors, piiViewers, showPii } = config.access;
  return {
    async mayEdit(userId) {
      if (!editors) return true;
      return userId !== undefined && directory.isListed(editors, userId);
    },
    async maySeeMemberDetails(userId) {
      if (showPii) return true;
      return userId !== undefined && piiViewers !== undefined && directory.isListed(piiViewers, userId);
    },
  };
}
