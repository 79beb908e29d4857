import {
  MatrixGradeTakenError,
  MatrixInUseError,
  MatrixNotFoundError,
  MatrixSlugTakenError,
} from '../domain/errors.ts';
import {
  assertCanManageMatrix,
  checkSlug,
  checkText,
  IssueCollector,
  type MatrixActor,
  moveTo,
} from '../domain/rules.ts';
import type { AddGradeInput, AddSectionInput, AddSubsectionInput, CreateSheetInput } from './contract.ts';
import type { MatrixDeps, MatrixStore, OrderedKind } from './ports.ts';

async function moveWithin(tx: MatrixStore, kind: OrderedKind, parentId: string, id: string, position: number) {
  const ids = await tx.siblings(kind, parentId);
  const from = ids.indexOf(id);
  if (from < 0) return;
  const order = moveTo(ids, from, position);
  if (order.some((value, index) => value !== ids[index])) await tx.setOrder(kind, order);
}

export function makeStructureUseCases(deps: MatrixDeps) {
  return {
    async createSheet(input: CreateSheetInput): Promise<{ id: string }> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const slug = checkSlug(issues, '/slug', input.slug);
      const title = checkText(issues, '/title', input.title, 200);
      const description = checkText(issues, '/description', input.description ?? '', 5000, false);
      issues.throwIfAny();
      const id = deps.newId();
      await deps.uow.run(async (tx) => {
        await tx.lockSheet('00000000-0000-0000-0000-000000000000');
        if (await tx.slugTaken(slug)) throw new MatrixSlugTakenError(slug);
        const position = (await tx.siblings('sheet', '')).length + 1;
        await tx.insertSheet({ id, slug, title, description, position }, deps.now());
      });
      return { id };
    },

    async updateSheet(input: {
      actor: MatrixActor;
      sheetId: string;
      slug?: string | undefined;
      title?: string | undefined;
      description?: string | undefined;
      position?: number | undefined;
    }): Promise<void> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const slug = input.slug === undefined ? undefined : checkSlug(issues, '/slug', input.slug);
      const title = input.title === undefined ? undefined : checkText(issues, '/title', input.title, 200);
      const description =
        input.description === undefined ? undefined : checkText(issues, '/description', input.description, 5000, false);
      issues.throwIfAny();
      await deps.uow.run(async (tx) => {
        const sheet = await tx.sheet(input.sheetId);
        if (!sheet) throw new MatrixNotFoundError('sheet', input.sheetId);
        if (slug !== undefined && slug !== sheet.slug && (await tx.slugTaken(slug, sheet.id))) {
          throw new MatrixSlugTakenError(slug);
        }
        await tx.updateSheet(
          sheet.id,
          {
            ...(slug === undefined ? {} : { slug }),
            ...(title === undefined ? {} : { title }),
            ...(description === undefined ? {} : { description }),
          },
          deps.now(),
        );
        if (input.position !== undefined) await moveWithin(tx, 'sheet', '', sheet.id, input.position);
      });
    },

    async deleteSheet(input: { actor: MatrixActor; sheetId: string }): Promise<void> {
      assertCanManageMatrix(input.actor);
      await deps.uow.run(async (tx) => {
        if (!(await tx.sheet(input.sheetId))) throw new MatrixNotFoundError('sheet', input.sheetId);
        await tx.remove('sheet', input.sheetId);
      });
    },

    async addGrade(input: AddGradeInput): Promise<{ id: string }> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const slug = checkSlug(issues, '/slug', input.slug);
      const title = checkText(issues, '/title', input.title, 100);
      issues.throwIfAny();
      const id = deps.newId();
      await deps.uow.run(async (tx) => {
        if (!(await tx.sheet(input.sheetId))) throw new MatrixNotFoundError('sheet', input.sheetId);
        await tx.lockSheet(input.sheetId);
        if (await tx.gradeTaken(input.sheetId, slug, title)) throw new MatrixGradeTakenError(slug);
        const position = (await tx.siblings('grade', input.sheetId)).length + 1;
        await tx.insertGrade({ id, sheetId: input.sheetId, slug, title, position });
      });
      return { id };
    },

    async updateGrade(input: {
      actor: MatrixActor;
      gradeId: string;
      slug?: string | undefined;
      title?: string | undefined;
      position?: number | undefined;
    }): Promise<void> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const slug = input.slug === undefined ? undefined : checkSlug(issues, '/slug', input.slug);
      const title = input.title === undefined ? undefined : checkText(issues, '/title', input.title, 100);
      issues.throwIfAny();
      await deps.uow.run(async (tx) => {
        const grade = await tx.grade(input.gradeId);
        if (!grade) throw new MatrixNotFoundError('grade', input.gradeId);
        await tx.lockSheet(grade.sheetId);
        if (await tx.gradeTaken(grade.sheetId, slug ?? grade.slug, title ?? grade.title, grade.id)) {
          throw new MatrixGradeTakenError(slug ?? grade.slug);
        }
        await tx.updateGrade(grade.id, {
          ...(slug === undefined ? {} : { slug }),
          ...(title === undefined ? {} : { title }),
        });
        if (input.position !== undefined) await moveWithin(tx, 'grade', grade.sheetId, grade.id, input.position);
      });
    },

    async deleteGrade(input: { actor: MatrixActor; gradeId: string }): Promise<void> {
      assertCanManageMatrix(input.actor);
      await deps.uow.run(async (tx) => {
        const grade = await tx.grade(input.gradeId);
        if (!grade) throw new MatrixNotFoundError('grade', input.gradeId);
        await tx.lockSheet(grade.sheetId);
        const count = await tx.countItems({ gradeId: grade.id });
        if (count > 0) throw new MatrixInUseError('grade', count);
        await tx.remove('grade', grade.id);
      });
    },

    async addSection(input: AddSectionInput): Promise<{ id: string }> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const title = checkText(issues, '/title', input.title, 200);
      issues.throwIfAny();
      const id = deps.newId();
      await deps.uow.run(async (tx) => {
        if (!(await tx.sheet(input.sheetId))) throw new MatrixNotFoundError('sheet', input.sheetId);
        await tx.lockSheet(input.sheetId);
        const position = (await tx.siblings('section', input.sheetId)).length + 1;
        await tx.insertSection({ id, sheetId: input.sheetId, title, position });
      });
      return { id };
    },

    async updateSection(input: {
      actor: MatrixActor;
      sectionId: string;
      title?: string | undefined;
      position?: number | undefined;
    }): Promise<void> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const title = input.title === undefined ? undefined : checkText(issues, '/title', input.title, 200);
      issues.throwIfAny();
      await deps.uow.run(async (tx) => {
        const section = await tx.section(input.sectionId);
        if (!section) throw new MatrixNotFoundError('section', input.sectionId);
        await tx.lockSheet(section.sheetId);
        if (title !== undefined) await tx.updateSection(section.id, { title });
        if (input.position !== undefined) await moveWithin(tx, 'section', section.sheetId, section.id, input.position);
      });
    },

    async deleteSection(input: { actor: MatrixActor; sectionId: string }): Promise<void> {
      assertCanManageMatrix(input.actor);
      await deps.uow.run(async (tx) => {
        const section = await tx.section(input.sectionId);
        if (!section) throw new MatrixNotFoundError('section', input.sectionId);
        await tx.lockSheet(section.sheetId);
        const count = await tx.countItems({ sectionId: section.id });
        if (count > 0) throw new MatrixInUseError('section', count);
        await tx.remove('section', section.id);
      });
    },

    async addSubsection(input: AddSubsectionInput): Promise<{ id: string }> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const title = checkText(issues, '/title', input.title, 200);
      issues.throwIfAny();
      const id = deps.newId();
      await deps.uow.run(async (tx) => {
        const section = await tx.section(input.sectionId);
        if (!section) throw new MatrixNotFoundError('section', input.sectionId);
        await tx.lockSheet(section.sheetId);
        const position = (await tx.siblings('subsection', section.id)).length + 1;
        await tx.insertSubsection({ id, sheetId: section.sheetId, sectionId: section.id, title, position });
      });
      return { id };
    },

    async updateSubsection(input: {
      actor: MatrixActor;
      subsectionId: string;
      title?: string | undefined;
      position?: number | undefined;
    }): Promise<void> {
      assertCanManageMatrix(input.actor);
      const issues = new IssueCollector();
      const title = input.title === undefined ? undefined : checkText(issues, '/title', input.title, 200);
      issues.throwIfAny();
      await deps.uow.run(async (tx) => {
        const subsection = await tx.subsection(input.subsectionId);
        if (!subsection) throw new MatrixNotFoundError('subsection', input.subsectionId);
        await tx.lockSheet(subsection.sheetId);
        if (title !== undefined) await tx.updateSubsection(subsection.id, { title });
        if (input.position !== undefined) {
          await moveWithin(tx, 'subsection', subsection.sectionId, subsection.id, input.position);
        }
      });
    },

    async deleteSubsection(input: { actor: MatrixActor; subsectionId: string }): Promise<void> {
      assertCanManageMatrix(input.actor);
      await deps.uow.run(async (tx) => {
        const subsection = await tx.subsection(input.subsectionId);
        if (!subsection) throw new MatrixNotFoundError('subsection', input.subsectionId);
        await tx.lockSheet(subsection.sheetId);
        const count = await tx.countItems({ subsectionId: subsection.id });
        if (count > 0) throw new MatrixInUseError('subsection', count);
        await tx.remove('subsection', subsection.id);
      });
    },
  };
}

export { moveWithin };
