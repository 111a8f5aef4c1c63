// The list's react-aria menus, one lazy chunk (LazyMenus.tsx).
export { ExportMenu } from './ExportMenu';
export { FilterMenu } from './FilterMenu';
