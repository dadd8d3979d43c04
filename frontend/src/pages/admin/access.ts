/** Only ADMIN users see the administration (the API refuses the others as well). */
export function isAdmin(user: { role?: string | null }): boolean {
  return user.role === 'ADMIN';
}
