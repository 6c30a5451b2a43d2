/**
 * The demo-data seeders, in the order they run. Later features append theirs here (a seeder may
 * use accounts created by earlier ones through `ctx.accounts`).
 */
import { catalogSeeder } from './catalog.seeder.ts';
import { staffSeeder } from './staff.seeder.ts';
import type { Seeder } from './types.ts';

export const DEFAULT_SEEDERS: Seeder[] = [staffSeeder, catalogSeeder];
