// Prints the permission matrix (role × resource × action) as Markdown, straight from the table the server enforces.
import { PERMISSIONS, RESOURCES } from '../src/domain/permissions';
import { ROLES } from '../src/domain/roles';

console.log(`| resource | action | ${ROLES.join(' | ')} |`);
console.log(`|---|---|${ROLES.map(() => ':-:').join('|')}|`);
for (const resource of RESOURCES) {
  for (const [action, roles] of Object.entries(PERMISSIONS[resource])) {
    console.log(
      `| ${resource} | ${action} | ${ROLES.map((r) => (roles?.includes(r) ? '✓' : '')).join(' | ')} |`,
    );
  }
}
