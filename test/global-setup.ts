import { buildTemplate, dropTemplate } from './template';

export default async function setup() {
  await buildTemplate();
  return dropTemplate;
}
