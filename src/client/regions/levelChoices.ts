export const levelChoices = ['province', 'city', 'county'].map((id) => ({
  id,
  name: `resources.regions.level.${id}`,
}));
